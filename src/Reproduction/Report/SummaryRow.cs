using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// One row of the summary: what the paper says, what we measured, the verdict as the report may state it
/// (qualified in a partial or smoke report), the rule's own verdict and the rule; then whether the paper's numbers
/// trace to the upstream scripts (explained, qualified the same way, and the rule's own value) and each number's trace.
/// Explained and Origin are null for a claim whose numbers were not traced in this evaluation. RunsNeeded and
/// RunsToDecide, for a rule inconclusive for lack of runs: the runs it would need (null: no count follows from the data)
/// and the sentence saying how that was worked out; both null otherwise.
/// </summary>
public sealed record SummaryRow(
    string Id, string Title, string PaperSays, string WeMeasured, string Verdict, string RuleVerdict, string Rule,
    string? Explained, string? RuleExplained, IReadOnlyList<OriginRow>? Origin, int? RunsNeeded = null,
    string? RunsToDecide = null)
{
    public static SummaryRow Of(ClaimResult c, ReportScope scope) =>
        new(c.Id, c.Title, c.PaperSays, c.WeMeasured, scope.Show(c.Verdict), c.Verdict.ToWire(), c.Rule,
            c.Origin is { } o ? scope.Show(o.Explained) : null, c.Origin?.Explained.ToWire(),
            c.Origin?.Numbers.Select(n => OriginRow.Of(n, scope)).ToList(), c.RunsToDecide?.Needed,
            c.RunsToDecide?.Describe());
}
