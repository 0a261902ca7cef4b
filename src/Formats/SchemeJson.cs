using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// Our JSON scheme format: { "format": "strassen-repro.scheme", "version": 1, "shape": [n, m, p],
/// "U": R rows of n*m, "V": R rows of m*p, "W": n*p rows of R, "metadata": { ... } }. A coefficient is a
/// number or an exact fraction "p/q"; a file that gives any fraction must give every coefficient exactly.
/// </summary>
public static class SchemeJson
{
    public const string FormatName = "strassen-repro.scheme";
    public const int Version = 1;

    /// <summary>
    /// From a seekable stream: when its first byte other than JSON white space (looked for in the first
    /// 4 KiB) cannot open an object, the file is refused before the rest of it is read.
    /// </summary>
    public static JsonScheme Read(Stream stream, string name)
    {
        var head = StreamBytes.Peek(stream, 4096).AsSpan();
        int first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && head[first] != '{') throw new SchemeFormatException($"{name}: expected a JSON object");
        return ReadExact(StreamBytes.Rest(stream), name);
    }

    public static (Scheme Scheme, JsonObject? Metadata) Read(byte[] bytes, string name)
    {
        var read = ReadExact(bytes, name);
        return (read.Scheme, read.Metadata);
    }

    /// <summary>The scheme, its exact fractions when the file gave any ("p/q" strings), and its metadata.</summary>
    public static JsonScheme ReadExact(byte[] bytes, string name)
    {
        JsonNode? root;
        try
        {
            // The parser only transcodes strings lazily, so invalid UTF-8 would surface later as another exception.
            StrictUtf8.Encoding.GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SchemeFormatException($"{name}: not valid UTF-8");
        }
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new SchemeFormatException($"{name}: not valid JSON ({FirstLine(e.Message)})");
        }
        catch (ArgumentException e)
        {
            throw new SchemeFormatException($"{name}: not valid JSON ({FirstLine(e.Message)})");
        }
        if (root is not JsonObject obj) throw new SchemeFormatException($"{name}: expected a JSON object");
        if (obj["format"] is JsonNode f && f.GetValueKind() == JsonValueKind.String && f.GetValue<string>() != FormatName)
            throw new SchemeFormatException($"{name}: format '{f.GetValue<string>()}' is not '{FormatName}'");
        if (obj["version"] is JsonNode v && (v.GetValueKind() != JsonValueKind.Number || v.GetValue<double>() != Version))
            throw new SchemeFormatException($"{name}: unsupported version {v.ToJsonString()} (expected {Version})");
        var shapeArray = Numbers(obj["shape"], name, "shape");
        if (shapeArray.Length != 3 || shapeArray.Any(x => x != Math.Floor(x)))
            throw new SchemeFormatException($"{name}: 'shape' must be three integers [n, m, p]");
        var shape = Shape.Validated((int)shapeArray[0], (int)shapeArray[1], (int)shapeArray[2]);
        var uRows = Matrix(obj["U"], name, "U");
        var vRows = Matrix(obj["V"], name, "V");
        var wRows = Matrix(obj["W"], name, "W");
        var scheme = Scheme.FromRows(shape, Values(uRows), Values(vRows), Values(wRows));
        bool declared = new[] { uRows, vRows, wRows }.Any(m => m.Any(row => row.Any(e => e.Declared is not null)));
        var exact = declared
            ? new RationalScheme(shape, scheme.Rank,
                Exact(uRows, name, "U"), Exact(vRows, name, "V"), Exact(wRows, name, "W"))
            : null;
        return new JsonScheme(scheme, exact, obj["metadata"] as JsonObject);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>One coefficient: its double, and its exact value when the file wrote it as a fraction string.</summary>
    private readonly record struct Entry(double Value, Fraction? Declared);

    private static Entry[][] Matrix(JsonNode? node, string name, string field)
    {
        if (node is not JsonArray rows) throw new SchemeFormatException($"{name}: '{field}' must be an array of rows");
        return rows.Select((row, i) => Entries(row, name, $"{field}[{i}]")).ToArray();
    }

    private static Entry[] Entries(JsonNode? node, string name, string field)
    {
        var values = NumberArray(node, name, field);
        var result = new Entry[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                result[i] = Fraction.Parse(text.GetValue<string>()) is { } f ? new Entry(f.ToDouble(), f)
                    : throw new SchemeFormatException(
                        $"{name}: '{field}' entry {i} is not a number or a fraction \"p/q\" (|p| and q at most 2^53)");
            else result[i] = new Entry(Number(values[i], name, field, i), null);
        }
        return result;
    }

    private static double[][] Values(Entry[][] rows) =>
        rows.Select(row => row.Select(e => e.Value).ToArray()).ToArray();

    /// <summary>Row-major exact values; a number must be a double whose denominator is at most 2^10.</summary>
    private static Fraction[] Exact(Entry[][] rows, string name, string field) =>
        rows.SelectMany((row, i) => row.Select((e, j) =>
            e.Declared ?? Fraction.FromDyadic(e.Value, RationalScheme.MaxDyadicDenominator)
            ?? throw new SchemeFormatException($"{name}: '{field}[{i}]' entry {j} is {e.Value}, not exact; where a " +
                                               "file gives fractions, write every other non-integer as \"p/q\" too")))
        .ToArray();

    private static double[] Numbers(JsonNode? node, string name, string field) =>
        NumberArray(node, name, field).Select((value, i) => Number(value, name, field, i)).ToArray();

    private static JsonArray NumberArray(JsonNode? node, string name, string field) =>
        node as JsonArray ?? throw new SchemeFormatException($"{name}: '{field}' must be an array of numbers");

    private static double Number(JsonNode? node, string name, string field, int i)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            throw new SchemeFormatException($"{name}: '{field}' entry {i} is not a number");
        double x = value.GetValue<double>();
        return double.IsFinite(x) ? x : throw new SchemeFormatException($"{name}: '{field}' entry {i} is not finite");
    }

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

    private static JsonNode Node(Fraction f) =>
        Fraction.FromDyadic(f.ToDouble(), RationalScheme.MaxDyadicDenominator) == f
            ? JsonValue.Create(f.ToDouble())
            : JsonValue.Create(f.ToString());

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Scheme s, JsonObject? metadata = null) => ToJson(s, metadata).ToJsonString(Indented);

    public static string Write(RationalScheme s, JsonObject? metadata = null) =>
        ToJson(s, metadata).ToJsonString(Indented);
}
