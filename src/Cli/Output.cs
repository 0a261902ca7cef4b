using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrassenRepro.Cli;

/// <summary>JSON on stdout (exactly one object or array per command); human text elsewhere.</summary>
public static class Output
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>One line on stderr: the message for bad input (line breaks and tabs become spaces).</summary>
    public static void Error(string message) =>
        Console.Error.WriteLine($"strassen-repro: {message.ReplaceLineEndings(" ").Replace('\t', ' ')}");

    /// <summary>One line on stderr that informs without failing (a fallback taken, say).</summary>
    public static void Notice(string message) => Console.Error.WriteLine($"strassen-repro: note: {message.ReplaceLineEndings(" ")}");

    public static string Sci(double x) => x.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture);
}
