using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// Our JSON scheme format: { "format": "strassen-repro.scheme", "version": 1, "shape": [n, m, p],
/// "U": R rows of n*m, "V": R rows of m*p, "W": n*p rows of R, "metadata": { ... } }. A coefficient is a
/// number or an exact fraction "p/q"; integers are exact at any size; a file that gives a fraction or an integer a
/// double cannot hold must give every coefficient exactly. Duplicate keys are refused, a byte-order mark is skipped.
/// </summary>
public static class SchemeJson
{
    public const string FormatName = "strassen-repro.scheme";
    public const int Version = 1;

    /// <summary>Most slots a scheme file may declare (rows of U): a larger array is refused before its entries are read.</summary>
    public const int MaxSlots = 10_000;

    /// <summary>
    /// From a seekable stream: when its first byte other than JSON white space (looked for in the first
    /// 4 KiB, after a UTF-8 byte-order mark) cannot open an object, the file is refused before the rest of it is read.
    /// </summary>
    public static JsonScheme Read(Stream stream, string name)
    {
        var head = WithoutByteOrderMark(StreamBytes.Peek(stream, 4096));
        int first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && head[first] != '{') throw new SchemeFormatException($"{name}: expected a JSON object");
        return ReadExact(StreamBytes.Rest(stream), name);
    }

    public static (Scheme Scheme, JsonObject? Metadata) Read(byte[] bytes, string name)
    {
        var read = ReadExact(bytes, name);
        return (read.Scheme, read.Metadata);
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    private static readonly JsonDocumentOptions DocumentOptions =
        new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>
    /// The scheme, its exact values when every coefficient the file gives is exact (integers of any size, "p/q"
    /// strings, floats that float64 holds exactly), and its metadata.
    /// </summary>
    public static JsonScheme ReadExact(byte[] bytes, string name)
    {
        var text = WithoutByteOrderMark(bytes).ToArray();
        try
        {
            // The parser only transcodes strings lazily, so invalid UTF-8 would surface later as another exception.
            StrictUtf8.Encoding.GetCharCount(text);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SchemeFormatException($"{name}: not valid UTF-8");
        }
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return FromDocument(document.RootElement, name);
        }
        catch (JsonException e)
        {
            throw new SchemeFormatException($"{name}: not valid JSON ({FirstLine(e.Message)})");
        }
    }

    private static JsonScheme FromDocument(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new SchemeFormatException($"{name}: expected a JSON object");
        // Detected by content: the field's catalogue names the shape "n", ours "shape".
        if (CatalogueJson.Looks(root)) return CatalogueJson.FromDocument(root, name);
        if (Field(root, "format") is { ValueKind: JsonValueKind.String } f && f.GetString() != FormatName)
            throw new SchemeFormatException($"{name}: format '{f.GetString()}' is not '{FormatName}'");
        if (Field(root, "version") is { } v && (v.ValueKind != JsonValueKind.Number || v.GetRawText() != $"{Version}"))
            throw new SchemeFormatException($"{name}: unsupported version {v.GetRawText()} (expected {Version})");
        var shape = ShapeOf(Field(root, "shape"), name);
        var uRows = Matrix(Field(root, "U"), name, "U", MaxSlots);
        var vRows = Matrix(Field(root, "V"), name, "V", MaxSlots);
        var wRows = Matrix(Field(root, "W"), name, "W", shape.CSize);
        var scheme = Scheme.FromRows(shape, Values(uRows), Values(vRows), Values(wRows));
        var exact = ExactScheme(shape, scheme.Rank, uRows, vRows, wRows, name);
        var metadata = Field(root, "metadata") is { ValueKind: JsonValueKind.Object } m
            ? JsonNode.Parse(m.GetRawText()) as JsonObject
            : null;
        return new JsonScheme(scheme, exact, metadata);
    }

    internal static JsonElement? Field(JsonElement obj, string field) =>
        obj.TryGetProperty(field, out var value) ? value : null;

    private static Shape ShapeOf(JsonElement? node, string name)
    {
        var entries = Entries(node, name, "shape", "an array of numbers");
        if (entries.Length != 3 || entries.Any(e => e.Exact is not { IsInteger: true } x || BigInteger.Abs(x.Numerator) > 64))
            throw new SchemeFormatException($"{name}: 'shape' must be three integers [n, m, p]");
        return Shape.Validated((int)entries[0].Value, (int)entries[1].Value, (int)entries[2].Value);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>One coefficient: its double, its exact value when it has one, and where it came from.</summary>
    internal readonly record struct Entry(double Value, Fraction? Exact, bool Declared, bool Misleading, string Text);

    internal static Entry[][] Matrix(JsonElement? node, string name, string field, int maxRows)
    {
        if (node is not { ValueKind: JsonValueKind.Array } rows)
            throw new SchemeFormatException($"{name}: '{field}' must be an array of rows");
        int count = rows.GetArrayLength();
        if (count > maxRows)
            throw new SchemeFormatException($"{name}: '{field}' has {count} rows, over the limit of {maxRows}");
        return rows.EnumerateArray().Select((row, i) => Entries(row, name, $"{field}[{i}]", "an array of numbers"))
            .ToArray();
    }

    internal static Entry[] Entries(JsonElement? node, string name, string field, string what)
    {
        if (node is not { ValueKind: JsonValueKind.Array } values)
            throw new SchemeFormatException($"{name}: '{field}' must be {what}");
        var result = new Entry[values.GetArrayLength()];
        int i = 0;
        foreach (var value in values.EnumerateArray()) result[i] = ReadEntry(value, name, field, i++);
        return result;
    }

    private static Entry ReadEntry(JsonElement value, string name, string field, int i)
    {
        if (value.ValueKind == JsonValueKind.String)
            return Fraction.Parse(value.GetString()!) is { } f
                ? new Entry(f.ToDouble(), f, true, false, f.ToString())
                : throw new SchemeFormatException($"{name}: '{field}' entry {i} is not a number or a fraction " +
                                                  $"\"p/q\" (integers of at most {Fraction.MaxDigits} digits)");
        if (value.ValueKind != JsonValueKind.Number)
            throw new SchemeFormatException($"{name}: '{field}' entry {i} is not a number");
        string text = value.GetRawText();
        if (JsonNumber.Parse(text) is not { } number)
            throw new SchemeFormatException($"{name}: '{field}' entry {i} is too long to read exactly (at most " +
                                            $"{Fraction.MaxDigits} digits for an integer)");
        if (!double.IsFinite(number.Value)) throw new SchemeFormatException($"{name}: '{field}' entry {i} is not finite");
        // An integer past 2^53 has no double of its own: its exact value is what the file declares.
        bool declared = number.Exact is { } x &&
                        Fraction.FromDyadic(x.ToDouble(), RationalScheme.MaxDyadicDenominator) != x;
        return new Entry(number.Value, number.Exact, declared, number.Misleading, text);
    }

    internal static double[][] Values(Entry[][] rows) =>
        rows.Select(row => row.Select(e => e.Value).ToArray()).ToArray();

    /// <summary>
    /// Every coefficient exact: the exact scheme. Any float that is not: real input (Q path), unless the file also
    /// declares values a double cannot hold ("p/q", integers past 2^53), which cannot be mixed with floats. A float
    /// whose double would pass for an exact value it is not (1e30 is not the double 1e30) is refused: checked as
    /// that double it would be another number, and rounded through Q it would be silently clamped.
    /// </summary>
    internal static RationalScheme? ExactScheme(Shape shape, int rank, Entry[][] u, Entry[][] v, Entry[][] w,
        string name)
    {
        var all = new[] { ("U", u), ("V", v), ("W", w) };
        var inexact = all.SelectMany(m => m.Item2.SelectMany((row, i) => row.Select((e, j) => (m.Item1, i, j, e))))
            .Where(x => x.e.Exact is null).ToList();
        if (inexact.FirstOrDefault(x => x.e.Misleading) is { e.Text: not null } misleading)
            throw new SchemeFormatException(
                $"{name}: '{misleading.Item1}[{misleading.i}]' entry {misleading.j} is {misleading.e.Text}, which " +
                $"float64 does not hold exactly (its nearest double is {misleading.e.Value:R}); write it as an " +
                "integer literal or a fraction \"p/q\" to have it checked exactly");
        if (inexact.Count == 0)
            return new RationalScheme(shape, rank, Exact(u), Exact(v), Exact(w));
        if (all.Any(m => m.Item2.Any(row => row.Any(e => e.Declared))) && inexact[0] is var (field, i, j, e))
            throw new SchemeFormatException($"{name}: '{field}[{i}]' entry {j} is {e.Text}, not exact; where a file " +
                                            "gives fractions or integers past 2^53, write every other non-integer " +
                                            "as \"p/q\" too");
        return null;
    }

    private static Fraction[] Exact(Entry[][] rows) => rows.SelectMany(row => row.Select(e => e.Exact!.Value)).ToArray();

    public static JsonObject ToJson(Scheme s, JsonObject? metadata = null) => Document(s.Shape,
        Rows(s.Rank, s.Shape.ASize, (r, x) => Node(s.U(r, x))), Rows(s.Rank, s.Shape.BSize, (r, y) => Node(s.V(r, y))),
        Rows(s.Shape.CSize, s.Rank, (z, r) => Node(s.W(z, r))), metadata);

    /// <summary>Exact fractions: a number where the double reads back as the same fraction, else "p/q".</summary>
    public static JsonObject ToJson(RationalScheme s, JsonObject? metadata = null) => Document(s.Shape,
        Rows(s.Rank, s.Shape.ASize, (r, x) => Node(s.U(r, x))), Rows(s.Rank, s.Shape.BSize, (r, y) => Node(s.V(r, y))),
        Rows(s.Shape.CSize, s.Rank, (z, r) => Node(s.W(z, r))), metadata);

    private static JsonObject Document(Shape shape, JsonArray u, JsonArray v, JsonArray w, JsonObject? metadata)
    {
        var obj = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["shape"] = new JsonArray(shape.N, shape.M, shape.P),
            ["U"] = u,
            ["V"] = v,
            ["W"] = w,
        };
        if (metadata is not null) obj["metadata"] = metadata.DeepClone();
        return obj;
    }

    private static JsonArray Rows(int rows, int columns, Func<int, int, JsonNode> node) =>
        new(Enumerable.Range(0, rows)
            .Select(i => (JsonNode)new JsonArray(Enumerable.Range(0, columns).Select(j => node(i, j)).ToArray()))
            .ToArray());

    private static JsonNode Node(double x) => JsonValue.Create(x);

    /// <summary>An integer as an exact integer literal, a fraction a double holds as a number, any other as "p/q".</summary>
    private static JsonNode Node(Fraction f) =>
        f.IsInteger ? JsonNode.Parse(f.Numerator.ToString(CultureInfo.InvariantCulture))!
        : Fraction.FromDyadic(f.ToDouble(), RationalScheme.MaxDyadicDenominator) == f ? JsonValue.Create(f.ToDouble())
        : JsonValue.Create(f.ToString());

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Scheme s, JsonObject? metadata = null) => ToJson(s, metadata).ToJsonString(Indented);

    public static string Write(RationalScheme s, JsonObject? metadata = null) =>
        ToJson(s, metadata).ToJsonString(Indented);
}
