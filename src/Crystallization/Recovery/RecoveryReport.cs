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

/// <summary>The `recovery` field of a verification record: a RecoveryResult in plain, serialisable values.</summary>
public sealed record RecoveryReport(
    bool Attempted,
    bool Succeeded,
    double ResidualBefore,
    double[][]? P,
    double[][]? Q,
    double[][]? R,
    double[]? Alpha,
    double[]? Beta,
    double? RoundingMargin,
    SchemeRows? Scheme,
    bool CanonicalStrassen,
    int ExactLabelings,
    string? Reason)
{
    public static RecoveryReport Of(RecoveryResult r) => new(
        r.Attempted, r.Succeeded, r.ResidualBefore, r.P, r.Q, r.R, r.Alpha, r.Beta, r.RoundingMargin,
        r.Scheme is null ? null : SchemeRows.Of(r.Scheme), r.CanonicalStrassen, r.ExactLabelings, r.Reason);
}
