namespace StrassenRepro.Tests.Unit;

/// <summary>
/// The verification core stays closed (shared/style.md, rule 1): it reads and writes no files and references
/// nothing but the framework. File formats live in src/Formats, so the core can be read, tested and
/// mutation-tested on its own, and a reader's bug cannot reach a verdict except through a Scheme.
/// </summary>
[Trait("Category", "Fast")]
public class CoreBoundaryTests
{
    private const string Project = "Crystallization", Assembly = "StrassenRepro.Crystallization";

    [Fact]
    public void The_core_references_only_the_framework()
    {
        AssemblyMetadata.ReferencedAssemblies(Project, Assembly).Should().OnlyContain(name => name.StartsWith("System"),
            "no package and no other project of ours: everything else points at the core, never the reverse");
    }

    [Fact]
    public void The_core_uses_no_type_of_System_IO()
    {
        AssemblyMetadata.ReferencedNamespaces(Project, Assembly).Should().NotContain(ns => ns.StartsWith("System.IO"),
            "files, streams and archives are src/Formats' business");
    }
}
