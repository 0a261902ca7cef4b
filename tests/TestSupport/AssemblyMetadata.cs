using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StrassenRepro.Tests;

/// <summary>
/// What a compiled assembly uses from elsewhere, read from its metadata: the assemblies it references and the
/// namespaces of the types it references. The compiler records every outside type the code names, so a
/// dependency rule checked here cannot be dodged by a using alias or a fully qualified name.
/// </summary>
public static class AssemblyMetadata
{
    public static IReadOnlyList<string> ReferencedAssemblies(Assembly assembly) =>
        Read(assembly, r => r.AssemblyReferences.Select(h => r.GetString(r.GetAssemblyReference(h).Name)).ToList());

    public static IReadOnlyList<string> ReferencedNamespaces(Assembly assembly) =>
        Read(assembly, r => r.TypeReferences.Select(h => r.GetString(r.GetTypeReference(h).Namespace))
            .Distinct().Order(StringComparer.Ordinal).ToList());

    private static T Read<T>(Assembly assembly, Func<MetadataReader, T> read)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }
}
