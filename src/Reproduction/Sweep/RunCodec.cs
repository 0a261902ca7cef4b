using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>JSON of a RunRecord as stored (camelCase; infinite kappa written as "Infinity").</summary>
public static class RunCodec
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Encode(RunRecord record) => JsonSerializer.Serialize(record, Json);

    public static RunRecord Decode(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, Json) ?? throw new JsonException("empty run record");
}
