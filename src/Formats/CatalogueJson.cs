using System.Numerics;
using System.Text.Json;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// The scheme JSON of the field's largest catalogue (dronperminov/FastMatrixMultiplication, docs/formats.md):
/// { "n": [n, m, p], "m": R, "z2": bool, "u": R rows of n*m, "v": R rows of m*p, "w": R rows of p*n, ... } where
/// u[r][i*m + j] is the coefficient of A[i,j], v[r][j*p + k] of B[j,k] and w[r][k*n + i] of C[i,k] (C transposed).
/// Entries are integers (exact at any size) or "p/q" strings; "z2": true means the scheme holds modulo 2. Other
/// fields (multiplications, elements, invariants, complexity) are the catalogue's own and are not read.
/// </summary>
public static class CatalogueJson
{
    public const string FormatName = "catalogue-json";

    /// <summary>The catalogue's shape field "n" and its "u" are there, and our "shape" is not.</summary>
    public static bool Looks(JsonElement root) =>
        root.TryGetProperty("n", out _) && root.TryGetProperty("u", out _) && !root.TryGetProperty("shape", out _);

    public static JsonScheme FromDocument(JsonElement root, string fileName)
    {
        string name = $"{fileName} (catalogue JSON)";
        if (root.TryGetProperty("u_fresh", out _) || IsSparse(root))
            throw new SchemeFormatException($"{name}: an addition-reduced file (sparse rows of index/value pairs with " +
                                            "fresh variables) is not read; verify the catalogue's full scheme file");
        var shape = ShapeOf(SchemeJson.Field(root, "n"), name);
        int rank = RankOf(SchemeJson.Field(root, "m"), name);
        var ring = RingOf(SchemeJson.Field(root, "z2"), name);
        var u = Rows(root, "u", rank, shape.ASize, name);
        var v = Rows(root, "v", rank, shape.BSize, name);
        var wTransposed = Rows(root, "w", rank, shape.CSize, name);
        // W (n*p x R, C row-major) from w (R x p*n, C transposed): W[i*p + k][r] = w[r][k*n + i].
        var w = new SchemeJson.Entry[shape.CSize][];
        for (int i = 0; i < shape.N; i++)
            for (int k = 0; k < shape.P; k++)
                w[shape.CIndex(i, k)] = Enumerable.Range(0, rank).Select(r => wTransposed[r][k * shape.N + i]).ToArray();
        var scheme = Scheme.FromRows(shape, SchemeJson.Values(u), SchemeJson.Values(v), SchemeJson.Values(w));
        var exact = SchemeJson.ExactScheme(shape, rank, u, v, w, name);
        return new JsonScheme(scheme, exact, null, ring, FormatName);
    }

    private static bool IsSparse(JsonElement root) =>
        root.GetProperty("u") is { ValueKind: JsonValueKind.Array } u && u.GetArrayLength() > 0 &&
        u[0] is { ValueKind: JsonValueKind.Array } row && row.GetArrayLength() > 0 && row[0].ValueKind == JsonValueKind.Object;

    private static Shape ShapeOf(JsonElement? node, string name)
    {
        var entries = SchemeJson.Entries(node, name, "n", "an array of three integers [n, m, p]");
        if (entries.Length != 3 || entries.Any(e => e.Exact is not { IsInteger: true } x || BigInteger.Abs(x.Numerator) > 64))
            throw new SchemeFormatException($"{name}: 'n' must be three integers [n, m, p]");
        return Shape.Validated((int)entries[0].Value, (int)entries[1].Value, (int)entries[2].Value);
    }

    private static int RankOf(JsonElement? node, string name)
    {
        if (node is not { ValueKind: JsonValueKind.Number } m || !m.TryGetInt32(out int rank) || rank < 1 ||
            rank > SchemeJson.MaxSlots)
            throw new SchemeFormatException(
                $"{name}: 'm' (the rank) must be an integer in 1..{SchemeJson.MaxSlots}");
        return rank;
    }

    private static Ring? RingOf(JsonElement? node, string name) => node switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => Ring.F2,
        { ValueKind: JsonValueKind.False } => Ring.Z,
        _ => throw new SchemeFormatException($"{name}: 'z2' must be true or false"),
    };

    private static SchemeJson.Entry[][] Rows(JsonElement root, string field, int rank, int width, string name)
    {
        var rows = SchemeJson.Matrix(SchemeJson.Field(root, field), name, field, SchemeJson.MaxSlots);
        if (rows.Length != rank)
            throw new SchemeFormatException($"{name}: '{field}' has {rows.Length} rows, but 'm' says {rank}");
        for (int r = 0; r < rows.Length; r++)
            if (rows[r].Length != width)
                throw new SchemeFormatException($"{name}: '{field}[{r}]' has {rows[r].Length} entries, expected {width}");
        return rows;
    }
}
