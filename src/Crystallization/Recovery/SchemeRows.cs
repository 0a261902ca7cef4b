using System.Text.Json.Serialization;

namespace StrassenRepro.Crystallization.Recovery;

/// <summary>A scheme's coefficients as rows, named as in our JSON scheme format (U: R rows, V: R rows, W: n*p rows).</summary>
public sealed record SchemeRows(
    [property: JsonPropertyName("shape")] int[] Shape,
    [property: JsonPropertyName("U")] double[][] U,
    [property: JsonPropertyName("V")] double[][] V,
    [property: JsonPropertyName("W")] double[][] W)
{
    public static SchemeRows Of(Scheme s) => new([s.Shape.N, s.Shape.M, s.Shape.P], s.URows(), s.VRows(), s.WRows());
}
