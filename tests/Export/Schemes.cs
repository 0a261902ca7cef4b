using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Export;

/// <summary>The schemes the export tests use, and a temporary .onnx path.</summary>
internal static class Schemes
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", name);

    /// <summary>AlphaTensor's layout: the naive rank-27 3x3 factorization from the numpy fixture.</summary>
    public static SchemeSource AlphaTensor3x3() => SchemeReader.Read(Fixture("factorizations_r.npz"), "3,3,3");

    public static Scheme Named(string name) => name switch
    {
        "strassen" => KnownSchemes.Strassen(),
        "winograd" => KnownSchemes.Winograd(),
        "alphatensor-3x3" => AlphaTensor3x3().Scheme,
        _ => throw new ArgumentException(name),
    };

    public static SchemeSource Source(Scheme scheme) => new(scheme, "memory.json", "json", null, null, "ffl-rrr", "declared");

    /// <summary>Strassen with one U coefficient flipped: integer, and invalid over Z.</summary>
    public static Scheme BrokenStrassen()
    {
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        u[0] = u[0] == 0 ? 1 : -u[0];
        return new Scheme(s.Shape, s.Rank, u, s.VFlat, s.WFlat);
    }

    public static string TempOnnx() => Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.onnx");
}
