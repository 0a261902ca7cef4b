namespace StrassenRepro.Crystallization.Recovery;

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
