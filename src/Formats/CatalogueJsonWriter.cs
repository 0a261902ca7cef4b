using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// Writes an exact scheme as the field's catalogue JSON (dronperminov/FastMatrixMultiplication, docs/formats.md),
/// the layout CatalogueJson reads: "n", "m", "z2", then the caller's extra fields (the catalogue's "complexity", say),
/// "multiplications" ("m1 = (a11 + a22) * (b11 + b22)"), "elements" ("c11 = m1 + m4 - m5 + m7"), "u" (R rows of
/// n*m), "v" (R rows of m*p) and "w" (R rows of p*n, C transposed: w[r][k*n + i] is C[i,k]). Integers are written
/// as JSON integers (exact at any size), other fractions as "p/q"; in the readable lines a coefficient other than
/// +-1 stands glued before its variable ("1/2a21"), as the catalogue writes them. One row a line, as its files do.
/// </summary>
public static class CatalogueJsonWriter
{
    // The lines hold + and *, which the default encoder would write as \u002B: the catalogue writes them plainly.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(RationalScheme s, bool z2 = false, JsonObject? extra = null)
    {
        var shape = s.Shape;
        var text = new StringBuilder();
        text.Append("{\n");
        Field(text, "n", $"[{shape.N}, {shape.M}, {shape.P}]");
        Field(text, "m", s.Rank.ToString(CultureInfo.InvariantCulture));
        Field(text, "z2", z2 ? "true" : "false");
        foreach (var (key, value) in extra ?? [])
            Field(text, key, value?.ToJsonString(Plain) ?? "null");
        var a = Names("a", shape.N, shape.M);
        var b = Names("b", shape.M, shape.P);
        var c = Names("c", shape.N, shape.P);
        var products = Enumerable.Range(0, s.Rank).Select(r => $"m{r + 1}").ToArray();
        Lines(text, "multiplications", Enumerable.Range(0, s.Rank).Select(r =>
            $"{products[r]} = ({Sum(a, x => s.U(r, x))}) * ({Sum(b, y => s.V(r, y))})"));
        // c[i*p + k] names C[i,k], which is row CIndex(i, k) of W.
        Lines(text, "elements", Enumerable.Range(0, shape.CSize).Select(z =>
            $"{c[z]} = {Sum(products, r => s.W(shape.CIndex(z / shape.P, z % shape.P), r))}"));
        Rows(text, "u", s.Rank, shape.ASize, (r, x) => s.U(r, x));
        Rows(text, "v", s.Rank, shape.BSize, (r, y) => s.V(r, y));
        Rows(text, "w", s.Rank, shape.CSize, (r, x) => s.W(shape.CIndex(x % shape.N, x / shape.N), r), last: true);
        return text.Append("}\n").ToString();
    }

    private static void Field(StringBuilder text, string key, string json) =>
        text.Append("    ").Append(JsonSerializer.Serialize(key, Plain)).Append(": ").Append(json).Append(",\n");

    /// <summary>"a11", "a12", ... row by row (1-based, indices side by side as the catalogue writes them).</summary>
    private static string[] Names(string letter, int rows, int cols) =>
        [.. Enumerable.Range(0, rows * cols).Select(x => $"{letter}{x / cols + 1}{x % cols + 1}")];

    /// <summary>The nonzero terms joined by + and -, "0" when there is none.</summary>
    private static string Sum(string[] names, Func<int, Fraction> coefficient)
    {
        var sum = new StringBuilder();
        for (int x = 0; x < names.Length; x++)
        {
            var f = coefficient(x);
            if (f.IsZero) continue;
            bool negative = f.Numerator.Sign < 0;
            sum.Append(sum.Length == 0 ? (negative ? "-" : "") : (negative ? " - " : " + "));
            var size = negative ? -f : f;
            if (size != Fraction.One) sum.Append(size.ToString());
            sum.Append(names[x]);
        }
        return sum.Length == 0 ? "0" : sum.ToString();
    }

    private static void Lines(StringBuilder text, string key, IEnumerable<string> lines) =>
        Field(text, key, "[\n" + string.Join(",\n", lines.Select(l => "        " + JsonSerializer.Serialize(l, Plain))) + "\n    ]");

    private static void Rows(StringBuilder text, string key, int rows, int cols, Func<int, int, Fraction> at, bool last = false)
    {
        var body = string.Join(",\n", Enumerable.Range(0, rows).Select(r =>
            "        [" + string.Join(", ", Enumerable.Range(0, cols).Select(x => Entry(at(r, x)))) + "]"));
        text.Append("    ").Append(JsonSerializer.Serialize(key, Plain)).Append(": [\n").Append(body).Append("\n    ]")
            .Append(last ? "\n" : ",\n");
    }

    /// <summary>An integer as a JSON integer, any other fraction as the string "p/q".</summary>
    private static string Entry(Fraction f) => f.IsInteger ? f.Numerator.ToString(CultureInfo.InvariantCulture) : $"\"{f}\"";
}
