using System.Globalization;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// plinopt's sparse-matrix triples (jgdumas/Fast-Matrix-Multiplication, FMM-plinopt-codegen/data, docs/formats.md):
/// NAME_L.sms (R x n*m, the A side), NAME_R.sms (R x m*p, the B side) and NAME_P.sms (n*p x R, the products into
/// C), every index row-major. Each file: '#' comments, a header "rows cols TYPE", then 1-based "i j value" lines
/// (integers or fractions p/q), ending "0 0 0". Given any of the three files, the other two are found beside it;
/// the shape follows from the three sizes (n^2 = nm * np / mp).
/// </summary>
public static class PlinoptSms
{
    public const string FormatName = "plinopt-sms";

    /// <summary>Largest rows or columns of one matrix: a larger header is refused before entries are read.</summary>
    public const int MaxSide = 1 << 16;

    private sealed record SparseMatrix(int Rows, int Cols, Dictionary<(int, int), Fraction> Entries);

    public static SchemeSource Read(string path, Func<string, Stream> open)
    {
        string name = $"{Path.GetFileName(path)} (plinopt .sms)";
        var stem = Stem(path, name);
        var l = ReadMatrix(open, stem + "_L.sms");
        var r = ReadMatrix(open, stem + "_R.sms");
        var p = ReadMatrix(open, stem + "_P.sms");
        int rank = l.Rows;
        if (r.Rows != rank || p.Cols != rank)
            throw new SchemeFormatException($"{name}: the ranks disagree (_L has {l.Rows} rows, _R {r.Rows} rows, " +
                                            $"_P {p.Cols} columns)");
        var shape = ShapeOf(l.Cols, r.Cols, p.Rows, name);
        // Row-major throughout (checked on the repository's rational <3,4,7;63> and <4,4,4;48>): _P is our W as it is.
        var u = Dense(l);
        var v = Dense(r);
        var w = Dense(p);
        var exact = new RationalScheme(shape, rank, u, v, w);
        return new SchemeSource(exact.ToScheme(), path, FormatName, null, null, "plinopt-lrp", "declared", exact);
    }

    /// <summary>NAME from NAME_L.sms, NAME_R.sms or NAME_P.sms.</summary>
    private static string Stem(string path, string name)
    {
        string file = Path.GetFileNameWithoutExtension(path);
        if (file.Length < 3 || file[^2] != '_' || file[^1] is not ('L' or 'R' or 'P'))
            throw new SchemeFormatException($"{name}: the file name must end _L.sms, _R.sms or _P.sms (one of a triple)");
        return Path.Combine(Path.GetDirectoryName(path) ?? "", file[..^2]);
    }

    /// <summary>The one n with n | nm, n | np and (nm / n)(np / n) = mp (n^2 = nm np / mp has one positive root).</summary>
    private static Shape ShapeOf(int nm, int mp, int np, string name)
    {
        for (int n = 1; n <= 64; n++)
            if (nm % n == 0 && np % n == 0 && (long)(nm / n) * (np / n) == mp) return Shape.Validated(n, nm / n, np / n);
        throw new SchemeFormatException($"{name}: sizes n*m = {nm}, m*p = {mp}, n*p = {np} fit no shape <n,m,p>");
    }

    private static Fraction[] Dense(SparseMatrix m)
    {
        var dense = new Fraction[(long)m.Rows * m.Cols];
        Array.Fill(dense, new Fraction(0, 1));
        foreach (var ((i, j), x) in m.Entries) dense[i * m.Cols + j] = x;
        return dense;
    }

    private static SparseMatrix ReadMatrix(Func<string, Stream> open, string path)
    {
        string name = $"{Path.GetFileName(path)} (plinopt .sms)";
        Stream stream;
        try
        {
            stream = open(path);
        }
        catch (SchemeFormatException) when (!File.Exists(path))
        {
            throw new SchemeFormatException($"{name}: missing (an .sms scheme is three files: NAME_L, NAME_R, NAME_P)");
        }
        using var reader = new StreamReader(stream, StrictUtf8.Encoding);
        try
        {
            return Parse(reader, name);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SchemeFormatException($"{name}: not valid UTF-8 text");
        }
    }

    private static SparseMatrix Parse(StreamReader reader, string name)
    {
        SparseMatrix? matrix = null;
        bool ended = false;
        int lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            int hash = raw.IndexOf('#');
            var fields = (hash >= 0 ? raw[..hash] : raw).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            if (ended) throw new SchemeFormatException($"{name}: line {lineNumber}: text after the closing '0 0 0'");
            if (matrix is null)
            {
                matrix = Header(fields, name, lineNumber);
                continue;
            }
            if (fields.Length != 3) throw new SchemeFormatException($"{name}: line {lineNumber}: expected 'i j value'");
            int i = Index(fields[0], name, lineNumber), j = Index(fields[1], name, lineNumber);
            if (i == 0 && j == 0 && fields[2] == "0")
            {
                ended = true;
                continue;
            }
            if (i < 1 || i > matrix.Rows || j < 1 || j > matrix.Cols)
                throw new SchemeFormatException($"{name}: line {lineNumber}: entry ({i}, {j}) is outside " +
                                                $"{matrix.Rows} x {matrix.Cols}");
            if (Fraction.Parse(fields[2]) is not { } value)
                throw new SchemeFormatException($"{name}: line {lineNumber}: '{PrintableText.Of(fields[2])}' is not an " +
                                                "integer or a fraction p/q");
            if (!matrix.Entries.TryAdd((i - 1, j - 1), value))
                throw new SchemeFormatException($"{name}: line {lineNumber}: entry ({i}, {j}) is given twice");
        }
        if (matrix is null) throw new SchemeFormatException($"{name}: empty (expected a header 'rows cols TYPE')");
        if (!ended) throw new SchemeFormatException($"{name}: no closing '0 0 0' line (truncated?)");
        return matrix;
    }

    private static SparseMatrix Header(string[] fields, string name, int lineNumber)
    {
        if (fields.Length is < 2 or > 3 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows) ||
            !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int cols) ||
            rows < 1 || cols < 1 || rows > MaxSide || cols > MaxSide)
            throw new SchemeFormatException($"{name}: line {lineNumber}: expected a header 'rows cols TYPE' " +
                                            $"(sides 1..{MaxSide})");
        return new SparseMatrix(rows, cols, []);
    }

    private static int Index(string text, string name, int lineNumber) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            ? i
            : throw new SchemeFormatException($"{name}: line {lineNumber}: '{PrintableText.Of(text)}' is not an index");
}
