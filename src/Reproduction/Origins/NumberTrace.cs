namespace StrassenRepro.Reproduction.Origins;

/// <summary>
/// Where one of the paper's numbers comes from: the scripts and lines that compute it (none: no script does), what our
/// re-execution of them gives (number, interval, runs), the correct computation beside it, one line of explanation, and
/// whether the re-execution gives the paper's number (Explained, decided by Rule from the data).
/// </summary>
public sealed record NumberTrace
{
    /// <summary>What the number is, e.g. "success rate of the protocol".</summary>
    public required string Quantity { get; init; }

    /// <summary>The paper's number as printed, e.g. "68% (133/195)".</summary>
    public required string Paper { get; init; }

    /// <summary>The upstream code that computes it; empty when no script does.</summary>
    public IReadOnlyList<Citation> Sources { get; init; } = [];

    /// <summary>
    /// Our re-execution of that code: the number, its interval and the runs (or what was re-executed).
    /// </summary>
    public required string Reexecution { get; init; }

    /// <summary>The correct computation, with its number.</summary>
    public required string Correct { get; init; }

    /// <summary>One line: why the paper's number is what it is.</summary>
    public required string Explanation { get; init; }

    public required Explained Explained { get; init; }

    /// <summary>The rule that decided Explained, written out.</summary>
    public required string Rule { get; init; }

    /// <summary>
    /// A number no upstream script computes: nothing to re-execute, so it is "no script" whatever the data say.
    /// </summary>
    public static NumberTrace WithoutScript(string quantity, string paper, string reexecution, string correct,
        string explanation, string why) => new()
        {
            Quantity = quantity,
            Paper = paper,
            Reexecution = reexecution,
            Correct = correct,
            Explanation = explanation,
            Explained = ExplainedNames.Decide(hasScript: false, agrees: false),
            Rule = "no script: " + why,
        };
}
