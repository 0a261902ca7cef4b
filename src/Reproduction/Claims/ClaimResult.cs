using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>What one claim's evaluation produced: the summary row, the evidence (tables, figures), and how it was decided.</summary>
public sealed record ClaimResult
{
    /// <summary>C1..C12 (claims.md).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The paper's statement and numbers, one line.</summary>
    public required string PaperSays { get; init; }
    /// <summary>What the harness measured, one line with the numbers.</summary>
    public required string WeMeasured { get; init; }
    /// <summary>
    /// The measurement in a few words for the console's compact table (under ~70 characters); null: the first
    /// clause of WeMeasured says it.
    /// </summary>
    public string? Headline { get; init; }
    public required Verdict Verdict { get; init; }
    /// <summary>The verdict rule, written out (e.g. "reproduced iff 0.68 lies in the Wilson 95% CI ...").</summary>
    public required string Rule { get; init; }
    /// <summary>Where the rule is inconclusive for lack of runs: how many it would need, from the measured rate.</summary>
    public RunsToDecide? RunsToDecide { get; init; }
    /// <summary>Stored runs the evaluation used (their configuration hashes are listed in the report).</summary>
    public IReadOnlyList<string> RunHashes { get; init; } = [];
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
    public IReadOnlyList<FigureSpec> Figures { get; init; } = [];
    /// <summary>Free-text notes: choices made where the paper is vague, protocol checks, caveats.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Where the paper's numbers come from (the upstream scripts re-executed); null when not traced here.
    /// </summary>
    public ClaimOrigin? Origin { get; init; }

    /// <summary>The tables behind Origin (re-executions beside the upstream result files).</summary>
    public IReadOnlyList<ReportTable> OriginTables { get; init; } = [];

    public IReadOnlyList<string> OriginNotes { get; init; } = [];
}
