using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StrassenRepro.Model;

/// <summary>
/// One field of a RunConfig set by its JSON name, `key=value` (train --set): numbers invariant (doubles in their
/// shortest round-trip form), enums and booleans by name, lists comma-separated, "null" for an absent value. Every
/// field of the canonical JSON is a key, so every stored run's configuration can be written as a protocol plus
/// settings and read back to the same hash.
/// </summary>
public sealed record RunSetting(string Key, string Value)
{
    /// <summary>The settable fields in declaration order, by JSON name.</summary>
    private static readonly IReadOnlyList<(string Name, PropertyInfo Property)> Fields = typeof(RunConfig)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
        .OrderBy(p => p.MetadataToken)
        .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))
        .ToList();

    public static IReadOnlyList<string> Keys { get; } = Fields.Select(f => f.Name).ToList();

    public override string ToString() => $"{Key}={Value}";

    /// <summary>Reads `key=value`; throws ArgumentException for a key that is not a field or a value of the wrong type.</summary>
    public static RunSetting Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"--set {text}: expected key=value (keys: {string.Join(", ", Keys)})");
        var setting = new RunSetting(text[..eq].Trim(), text[(eq + 1)..].Trim());
        _ = setting.Typed(setting.Field().Property);
        return setting;
    }

    /// <summary>The configuration with these settings applied in order (not validated: the caller does).</summary>
    public static RunConfig Apply(RunConfig config, IEnumerable<RunSetting> settings)
    {
        var json = JsonNode.Parse(config.ToJson())!.AsObject();
        foreach (var s in settings)
        {
            var (name, property) = s.Field();
            json[name] = JsonSerializer.SerializeToNode(s.Typed(property), property.PropertyType, RunConfig.CanonicalJson);
        }
        return RunConfig.FromJson(json.ToJsonString(RunConfig.CanonicalJson));
    }

    /// <summary>The settings that turn `from` into `to`, one per differing field, in declaration order.</summary>
    public static IReadOnlyList<RunSetting> Between(RunConfig from, RunConfig to) =>
        Fields.Select(f => (f.Name, From: Format(f.Property.GetValue(from)), To: Format(f.Property.GetValue(to))))
            .Where(f => f.From != f.To)
            .Select(f => new RunSetting(f.Name, f.To))
            .ToList();

    private (string Name, PropertyInfo Property) Field()
    {
        foreach (var f in Fields)
            if (f.Name == Key) return f;
        throw new ArgumentException($"--set {this}: '{Key}' is not a run setting (keys: {string.Join(", ", Keys)})");
    }

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The value as the field's type ("null" only where the field may be absent).</summary>
    private object? Typed(PropertyInfo property)
    {
        var type = property.PropertyType;
        var inner = Nullable.GetUnderlyingType(type);
        bool nullable = Nullability.Create(property).WriteState == NullabilityState.Nullable;
        if (nullable && Value == "null") return null;
        var t = inner ?? type;
        if (t == typeof(string)) return Value;
        if (t == typeof(bool)) return Value switch { "true" => true, "false" => false, _ => throw Bad("true or false") };
        if (t == typeof(int)) return int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : throw Bad("an integer");
        if (t == typeof(long)) return long.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : throw Bad("an integer");
        if (t == typeof(double))
            return double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
                ? d : throw Bad("a finite number");
        if (t.IsEnum)
        {
            foreach (var name in Enum.GetNames(t))
                if (JsonNamingPolicy.CamelCase.ConvertName(name) == Value) return Enum.Parse(t, name);
            throw Bad(string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName)));
        }
        if (t == typeof(IReadOnlyList<int>))
            return Value.Length == 0
                ? Array.Empty<int>()
                : Value.Split(',').Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
                    ? x : throw Bad("comma-separated integers")).ToArray();
        throw new InvalidOperationException($"run setting {Key}: no text form for {t.Name}");
    }

    private ArgumentException Bad(string expected) => new($"--set {this}: the value must be {expected}");

    /// <summary>The text form Typed reads back to the same value (doubles bit for bit).</summary>
    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(",", list.Cast<object>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
