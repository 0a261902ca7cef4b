using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Formats;

/// <summary>A scheme file read exactly for orbit questions: where it came from and its exact slot matrices.</summary>
public sealed record OrbitFile(string Path, string Format, OrbitScheme Scheme);

/// <summary>`equivalent A B`: both files and the decision.</summary>
public sealed record EquivalenceReport(OrbitFile A, OrbitFile B, EquivalenceResult Result);

/// <summary>`classify`: the classes of the files that were read, and the files that could not be.</summary>
public sealed record ClassifyReport(IReadOnlyList<OrbitFile> Files, IReadOnlyList<OrbitClass> Classes,
    IReadOnlyList<(string Path, string Error)> Unreadable);

/// <summary>The entry points of `equivalent` and `classify`: read files exactly, then ask the core.</summary>
public static class OrbitFiles
{
    /// <summary>The file's exact scheme in its ring: the one it declares (mod 2), else `ring`.</summary>
    public static OrbitFile Read(string path, Ring ring = Ring.Z)
    {
        var source = SchemeReader.Read(path);
        var exact = source.Exact ?? RationalScheme.FromDyadic(source.Scheme) ??
            throw new SchemeFormatException($"{Path.GetFileName(path)}: real (non-exact) coefficients; orbits are " +
                                            "compared between exact schemes (verify --out writes Q of a converged run)");
        var inRing = source.Ring == Ring.F2 ? Ring.F2 : ring;
        if (inRing == Ring.F2 && !exact.IsIntegral)
            throw new SchemeFormatException($"{Path.GetFileName(path)}: fractions have no meaning modulo 2");
        return new OrbitFile(path, source.Format, OrbitScheme.Of(exact, inRing));
    }

    public static EquivalenceReport Equivalent(string a, string b, Ring ring = Ring.Z,
        long maxNodes = OrbitEquivalence.DefaultMaxNodes)
    {
        var fa = Read(a, ring);
        var fb = Read(b, ring);
        if (fa.Scheme.Shape != fb.Scheme.Shape)
            throw new SchemeFormatException($"the shapes differ ({fa.Scheme.Shape} and {fb.Scheme.Shape}): " +
                                            "equivalent compares schemes of one shape");
        if (fa.Scheme.Ring != fb.Scheme.Ring)
            throw new SchemeFormatException($"the rings differ ({fa.Scheme.Ring} and {fb.Scheme.Ring}): give both " +
                                            "mod-2 schemes, or --ring F2");
        return new EquivalenceReport(fa, fb, OrbitEquivalence.Decide(fa.Scheme, fb.Scheme, maxNodes));
    }

    /// <summary>Reads every file (a bad one is listed, not fatal) and classifies the rest.</summary>
    public static ClassifyReport Classify(IReadOnlyList<string> paths, Ring ring = Ring.Z,
        long maxNodesPerPair = OrbitEquivalence.DefaultMaxNodes)
    {
        var files = new List<OrbitFile>();
        var unreadable = new List<(string, string)>();
        foreach (var path in paths)
        {
            try
            {
                files.Add(Read(path, ring));
            }
            catch (Exception e) when (e is SchemeFormatException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add((path, e.Message));
            }
        }
        return new ClassifyReport(files, OrbitClasses.Of(files.Select(f => f.Scheme).ToList(), maxNodesPerPair), unreadable);
    }
}
