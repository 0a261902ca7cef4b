namespace StrassenRepro.Crystallization;

/// <summary>The names an Outcome has in JSON, SQLite and text (conventions.md): lower case.</summary>
public static class OutcomeNames
{
    public static string ToWire(this Outcome o) => o switch
    {
        Outcome.Discrete => "discrete",
        Outcome.Continuous => "continuous",
        Outcome.Unconverged => "unconverged",
        Outcome.Invalid => "invalid",
        _ => "diverged",
    };

    /// <summary>The outcome a wire name stands for; null for a name no outcome has.</summary>
    public static Outcome? FromWire(string? name) => name switch
    {
        "discrete" => Outcome.Discrete,
        "continuous" => Outcome.Continuous,
        "unconverged" => Outcome.Unconverged,
        "invalid" => Outcome.Invalid,
        "diverged" => Outcome.Diverged,
        _ => null,
    };

    /// <summary>Every outcome, in the order reports list them.</summary>
    public static IReadOnlyList<Outcome> All { get; } =
        [Outcome.Discrete, Outcome.Continuous, Outcome.Unconverged, Outcome.Invalid, Outcome.Diverged];
}
