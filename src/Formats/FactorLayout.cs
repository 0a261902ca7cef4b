using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// How a file stores the three factor matrices, named "uvw-abc" (e.g. "ffl-rrr", ours):
/// u, v, w say where the slot index is in U, V, W ('f' first: R x d, 'l' last: d x R);
/// a, b, c say how A, B, C are flattened ('r' row-major, 'c' column-major; for C, 'c' is AlphaTensor's
/// transposed indexing, row k*n + i = C[i,k]). Our JSON format is "ffl-rrr", AlphaTensor's "lll-rrc".
/// </summary>
public sealed record FactorLayout(bool USlotsFirst, bool VSlotsFirst, bool WSlotsFirst, bool ARowMajor, bool BRowMajor, bool CRowMajor)
{
    public string Name => $"{F(USlotsFirst)}{F(VSlotsFirst)}{F(WSlotsFirst)}-{R(ARowMajor)}{R(BRowMajor)}{R(CRowMajor)}";

    public string Orientation => Name[..3];
    public string Flattening => Name[4..];

    public override string ToString() => Name;

    private static char F(bool first) => first ? 'f' : 'l';
    private static char R(bool row) => row ? 'r' : 'c';

    /// <summary>Orientations in the order they are tried: ours first, then the common alternatives.</summary>
    public static readonly string[] Orientations = ["ffl", "fff", "lll", "llf", "flf", "fll", "lfl", "lff"];

    /// <summary>Flattenings in the order they are tried: ours, then AlphaTensor's transposed C, then the rest.</summary>
    public static readonly string[] Flattenings = ["rrr", "rrc", "crr", "rcr", "ccr", "crc", "rcc", "ccc"];

    public static FactorLayout Of(string orientation, string flattening) => new(
        orientation[0] == 'f', orientation[1] == 'f', orientation[2] == 'f',
        flattening[0] == 'r', flattening[1] == 'r', flattening[2] == 'r');

    /// <summary>Parses --layout: "uvw-abc", or just "abc" (orientation still detected), or "ours" / "alphatensor".</summary>
    public static (string? Orientation, string Flattening) Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "ours") t = "ffl-rrr";
        if (t == "alphatensor") t = "lll-rrc";
        var parts = t.Split('-');
        bool ok = parts.Length switch
        {
            1 => IsCode(parts[0], "rc"),
            2 => IsCode(parts[0], "fl") && IsCode(parts[1], "rc"),
            _ => false,
        };
        if (!ok)
            throw new SchemeFormatException($"--layout '{text}' is not a layout (e.g. ffl-rrr, lll-rrc, rrc, ours, alphatensor)");
        return parts.Length == 1 ? (null, parts[0]) : (parts[0], parts[1]);
    }

    private static bool IsCode(string s, string letters) => s.Length == 3 && s.All(letters.Contains);

    /// <summary>Reads factor matrices stored this way as our scheme (U R x nm, V R x mp, W np x R, row-major).</summary>
    public Scheme ToScheme(Shape shape, int rank, Matrix u, Matrix v, Matrix w)
    {
        int n = shape.N, m = shape.M, p = shape.P;
        var uu = new double[rank * shape.ASize];
        var vv = new double[rank * shape.BSize];
        var ww = new double[shape.CSize * rank];
        for (int r = 0; r < rank; r++)
        {
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++)
                    uu[r * shape.ASize + shape.AIndex(i, j)] = At(u, USlotsFirst, r, ARowMajor ? i * m + j : j * n + i);
            for (int j = 0; j < m; j++)
                for (int k = 0; k < p; k++)
                    vv[r * shape.BSize + shape.BIndex(j, k)] = At(v, VSlotsFirst, r, BRowMajor ? j * p + k : k * m + j);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < p; k++)
                    ww[shape.CIndex(i, k) * rank + r] = At(w, WSlotsFirst, r, CRowMajor ? i * p + k : k * n + i);
        }
        return new Scheme(shape, rank, uu, vv, ww);
    }

    private static double At(Matrix x, bool slotsFirst, int slot, int index) => slotsFirst ? x[slot, index] : x[index, slot];
}
