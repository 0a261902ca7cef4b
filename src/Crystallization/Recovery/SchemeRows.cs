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

    /// <summary>The scheme these rows hold; Scheme.FromRows refuses rows that do not fit the shape.</summary>
    public Scheme ToScheme() => Shape.Length == 3
        ? Scheme.FromRows(new Crystallization.Shape(Shape[0], Shape[1], Shape[2]), U, V, W)
        : throw new SchemeFormatException($"a shape has 3 dimensions, not {Shape.Length}");
}
