using System.Globalization;
using System.Text;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Formats;

/// <summary>
/// Writes schemes in the field's catalogue formats, written here from their definitions (docs/formats.md), so
/// the readers are checked against an independent writer: catalogue JSON (w with C transposed), plinopt .sms
/// triples, flips .exp lines (c in trace form).
/// </summary>
public static class CatalogueFixtures
{
    private static string Text(Fraction f) => f.ToString();

    private static string Quoted(Fraction f) => f.IsInteger ? f.ToString() : $"\"{f}\"";

    public static string CatalogueJson(RationalScheme s, bool? z2 = false, int? rank = null)
    {
        var shape = s.Shape;
        string Rows(Func<int, int, Fraction> at, int width) => string.Join(",\n", Enumerable.Range(0, s.Rank)
            .Select(r => "    [" + string.Join(", ", Enumerable.Range(0, width).Select(x => Quoted(at(r, x)))) + "]"));
        // w[r][k*n + i] is the coefficient of C[i,k].
        string w = Rows((r, x) => s.W(shape.CIndex(x % shape.N, x / shape.N), r), shape.CSize);
        string ring = z2 is { } z ? $"\"z2\": {(z ? "true" : "false")},\n" : "";
        return $"{{\n\"n\": [{shape.N}, {shape.M}, {shape.P}],\n\"m\": {rank ?? s.Rank},\n{ring}" +
               $"\"multiplications\": [],\n\"u\": [\n{Rows(s.U, shape.ASize)}\n],\n\"v\": [\n{Rows(s.V, shape.BSize)}\n],\n" +
               $"\"w\": [\n{w}\n]\n}}\n";
    }

    /// <summary>Writes NAME_L.sms, NAME_R.sms, NAME_P.sms into the folder; returns the path of NAME_L.sms.</summary>
    public static string Sms(RationalScheme s, string folder, string name = "scheme")
    {
        var shape = s.Shape;
        File.WriteAllText(Path.Combine(folder, name + "_L.sms"), Sparse(s.Rank, shape.ASize, s.U, "# left"));
        File.WriteAllText(Path.Combine(folder, name + "_R.sms"), Sparse(s.Rank, shape.BSize, s.V, ""));
        File.WriteAllText(Path.Combine(folder, name + "_P.sms"), Sparse(shape.CSize, s.Rank, s.W, "# products"));
        return Path.Combine(folder, name + "_L.sms");
    }

    public static string Sparse(int rows, int cols, Func<int, int, Fraction> at, string comment)
    {
        var text = new StringBuilder();
        if (comment.Length > 0) text.AppendLine(comment);
        text.AppendLine(CultureInfo.InvariantCulture, $"{rows} {cols} R");
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (!at(i, j).IsZero) text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1} {j + 1} {Text(at(i, j))}");
        text.AppendLine("0 0 0");
        return text.ToString();
    }

    /// <summary>One product per line: (a's)*(b's)*(c's), c_ki the coefficient of C[i,k].</summary>
    public static string Exp(RationalScheme s)
    {
        var shape = s.Shape;
        var text = new StringBuilder();
        for (int r = 0; r < s.Rank; r++)
        {
            var a = new List<string>();
            var b = new List<string>();
            var c = new List<string>();
            for (int i = 0; i < shape.N; i++)
                for (int j = 0; j < shape.M; j++) Add(a, s.U(r, shape.AIndex(i, j)), $"a{i + 1}{j + 1}");
            for (int j = 0; j < shape.M; j++)
                for (int k = 0; k < shape.P; k++) Add(b, s.V(r, shape.BIndex(j, k)), $"b{j + 1}{k + 1}");
            for (int k = 0; k < shape.P; k++)
                for (int i = 0; i < shape.N; i++) Add(c, s.W(shape.CIndex(i, k), r), $"c{k + 1}{i + 1}");
            text.AppendLine($"({string.Join("", a).TrimStart('+')})*({string.Join("", b).TrimStart('+')})*({string.Join("", c).TrimStart('+')})");
        }
        return text.ToString();
    }

    private static void Add(List<string> terms, Fraction x, string variable)
    {
        if (x.IsZero) return;
        string sign = x.Numerator.Sign < 0 ? "-" : "+";
        var magnitude = x.Numerator.Sign < 0 ? -x : x;
        terms.Add(magnitude == Fraction.One ? $"{sign}{variable}" : $"{sign}{magnitude}*{variable}");
    }

    public static RationalScheme Exact(Scheme s) => RationalScheme.FromDyadic(s)!;

    /// <summary>Strassen with slot 0's U divided by 3 and its W multiplied by 3: valid over Q only as fractions.</summary>
    public static RationalScheme StrassenThirds()
    {
        var s = Exact(KnownSchemes.Strassen());
        var u = Enumerable.Range(0, s.Rank * 4).Select(i => i < 4 ? s.U(0, i) / 3 : s.U(i / 4, i % 4)).ToArray();
        var v = Enumerable.Range(0, s.Rank * 4).Select(i => s.V(i / 4, i % 4)).ToArray();
        var w = Enumerable.Range(0, s.Rank * 4).Select(i => i % s.Rank == 0 ? s.W(i / s.Rank, 0) * 3 : s.W(i / s.Rank, i % s.Rank)).ToArray();
        return new RationalScheme(s.Shape, s.Rank, u, v, w);
    }
}
