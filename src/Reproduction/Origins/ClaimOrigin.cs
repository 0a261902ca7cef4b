namespace StrassenRepro.Reproduction.Origins;

/// <summary>
/// Where one claim's numbers come from. The claim's Explained follows from its numbers' by AggregateRule: one number
/// that does not trace makes the claim not traced (a finding), else one that traces makes it traced, else no script.
/// </summary>
public sealed record ClaimOrigin(string ClaimId, IReadOnlyList<NumberTrace> Numbers)
{
    public const string AggregateRule =
        "not traced if any of the claim's numbers with a script does not trace; else traced if any traces; else no "
            + "script";

    public Explained Explained =>
        Numbers.Any(n => n.Explained == Explained.NotTraced) ? Explained.NotTraced
        : Numbers.Any(n => n.Explained == Explained.Traced) ? Explained.Traced
        : Explained.NoScript;
}
