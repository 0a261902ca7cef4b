using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrassenRepro.Crystallization.Readers;

/// <summary>
/// Our JSON scheme format: { "format": "strassen-repro.scheme", "version": 1, "shape": [n, m, p],
/// "U": R rows of n*m, "V": R rows of m*p, "W": n*p rows of R, "metadata": { ... } }.
/// </summary>
public static class SchemeJson
{
    public const string FormatName = "strassen-repro.scheme";
    public const int Version = 1;

    /// <summary>
    /// From a seekable stream: when its first byte other than JSON white space (looked for in the first
    /// 4 KiB) cannot open an object, the file is refused before the rest of it is read.
    /// </summary>
    public static (Scheme Scheme, JsonObject? Metadata) Read(Stream stream, string name)
    {
        var head = StreamBytes.Peek(stream, 4096).AsSpan();
        int first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first >= 0 && head[first] != '{') throw new SchemeFormatException($"{name}: expected a JSON object");
        return Read(StreamBytes.Rest(stream), name);
    }

    public static (Scheme Scheme, JsonObject? Metadata) Read(byte[] bytes, string name)
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
        var scheme = Scheme.FromRows(shape, Matrix(obj["U"], name, "U"), Matrix(obj["V"], name, "V"), Matrix(obj["W"], name, "W"));
        return (scheme, obj["metadata"] as JsonObject);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static double[][] Matrix(JsonNode? node, string name, string field)
    {
        if (node is not JsonArray rows) throw new SchemeFormatException($"{name}: '{field}' must be an array of rows");
        return rows.Select((row, i) => Numbers(row, name, $"{field}[{i}]")).ToArray();
    }

    private static double[] Numbers(JsonNode? node, string name, string field)
    {
        if (node is not JsonArray values) throw new SchemeFormatException($"{name}: '{field}' must be an array of numbers");
        var result = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
                throw new SchemeFormatException($"{name}: '{field}' entry {i} is not a number");
            result[i] = value.GetValue<double>();
            if (!double.IsFinite(result[i])) throw new SchemeFormatException($"{name}: '{field}' entry {i} is not finite");
        }
        return result;
    }

    public static JsonObject ToJson(Scheme s, JsonObject? metadata = null)
    {
        var obj = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["shape"] = new JsonArray(s.Shape.N, s.Shape.M, s.Shape.P),
            ["U"] = Rows(s.URows()),
            ["V"] = Rows(s.VRows()),
            ["W"] = Rows(s.WRows()),
        };
        if (metadata is not null) obj["metadata"] = metadata.DeepClone();
        return obj;
    }

    private static JsonArray Rows(double[][] rows) =>
        new(rows.Select(r => (JsonNode)new JsonArray(r.Select(x => (JsonNode)JsonValue.Create(x)).ToArray())).ToArray());

    public static string Write(Scheme s, JsonObject? metadata = null) =>
        ToJson(s, metadata).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
