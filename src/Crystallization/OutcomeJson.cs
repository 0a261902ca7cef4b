using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrassenRepro.Crystallization;

/// <summary>An Outcome as its wire name in JSON ("discrete", ...), so stored records read as before the enum.</summary>
public sealed class OutcomeJson : JsonConverter<Outcome>
{
    public override Outcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        OutcomeNames.FromWire(reader.GetString()) ?? throw new JsonException($"unknown outcome '{reader.GetString()}'");

    public override void Write(Utf8JsonWriter writer, Outcome value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
