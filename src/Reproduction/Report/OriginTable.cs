using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// The section "Where the paper's numbers come from": per claim and number, the paper's number, the script and lines
/// that produce it, our re-execution, the correct computation, whether it traced, and why. Markdown and HTML render the
/// same rows.
/// </summary>
public static class OriginTable
{
    public const string Title = "Where the paper's numbers come from";

    public static readonly IReadOnlyList<string> Columns =
        ["claim", "paper's number", "script and lines", "our re-execution", "correct computation", "explained", "why"];

    public static string Intro =>
        "Each number is traced to the upstream code that computes it (grisuno/strass_strassen at "
        + $"{Model.ProtocolSource.Commit[..7]}, read line by line in docs/upstream-map.md) and that code is "
        + "re-executed here: traced = our re-execution gives the paper's number (within sampling error, or exactly "
        + "where the script is deterministic); not traced = it does not; no script = no upstream script computes it. A "
        + "claim is "
        + ClaimOrigin.AggregateRule + ".";

    public static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<ClaimResult> claims, ReportScope scope) =>
        claims.Where(c => c.Origin is not null).SelectMany(c => c.Origin!.Numbers.Select(n => OriginRow.Of(n, scope))
            .Select((r, i) => (IReadOnlyList<string>)
            [
                i == 0 ? $"{c.Id} ({scope.Show(c.Origin!.Explained)})" : c.Id, $"{r.Quantity}: {r.Paper}",
                    r.SourcesText,
                r.Reexecution, r.Correct, r.Explained, r.Explanation,
            ]));

    /// <summary>
    /// The claim-level value as the summary shows it: "-" when the claim was not traced in this evaluation.
    /// </summary>
    public static string ExplainedCell(ClaimResult c, ReportScope scope) => c.Origin is { } o
        ? scope.Show(o.Explained) : "-";
}
