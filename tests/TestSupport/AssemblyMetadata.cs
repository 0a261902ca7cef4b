using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StrassenRepro.Tests;

/// <summary>
/// What a compiled project uses from elsewhere, read from its metadata: the assemblies it references and the
/// namespaces of the types it references. The compiler records every outside type the code names, so a
/// dependency rule checked here cannot be dodged by a using alias or a fully qualified name.
/// </summary>
public static class AssemblyMetadata
{
    public static IReadOnlyList<string> ReferencedAssemblies(string project, string assembly) =>
        Read(project, assembly, r => r.AssemblyReferences
            .Select(h => r.GetString(r.GetAssemblyReference(h).Name)).ToList());

    public static IReadOnlyList<string> ReferencedNamespaces(string project, string assembly) =>
        Read(project, assembly, r => r.TypeReferences.Select(h => r.GetString(r.GetTypeReference(h).Namespace))
            .Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Reads the compiler's output in src/&lt;project&gt;/bin, same configuration and framework as this test,
    /// not the copy beside the test: coverage (coverlet) and mutation testing (Stryker) rewrite that copy and
    /// add their own trackers, which use files and threads.
    /// </summary>
    private static T Read<T>(string project, string assembly, Func<MetadataReader, T> read)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var path = Path.Combine(RepoPaths.Root, "src", project, "bin", configuration.Name, framework.Name,
            assembly + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }
}
