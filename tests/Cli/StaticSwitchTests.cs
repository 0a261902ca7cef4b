using System.Reflection;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// No public static switch in src (issue 25): a setting that one caller flips changes every other caller in the
/// process, and a run would depend on what ran before it. Settings are parameters (EngineChoice's fast paths, say).
/// </summary>
[Trait("Category", "Fast")]
public class StaticSwitchTests
{
    [Fact]
    public void No_public_type_of_src_has_a_settable_static_field_or_property()
    {
        const BindingFlags Statics = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = SrcAssemblies.All.SelectMany(a => a.GetExportedTypes()).ToList();
        types.Should().Contain(typeof(StrassenRepro.Model.EngineChoice), "the assemblies of src are read");
        var switches = types.SelectMany(type =>
            type.GetFields(Statics).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => $"{type.FullName}.{f.Name}")
                .Concat(type.GetProperties(Statics).Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => $"{type.FullName}.{p.Name}")));
        switches.Should().BeEmpty("settings are parameters, not process-wide state");
    }
}
