using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrassenRepro.Reproduction.Report;

/// <summary>One row of the summary: what the paper says, what we measured, the verdict and the rule behind it.</summary>
public sealed record SummaryRow(string Id, string Title, string PaperSays, string WeMeasured, string Verdict, string Rule)
{
    public static SummaryRow Of(ClaimResult c) => new(c.Id, c.Title, c.PaperSays, c.WeMeasured, c.Verdict.ToWire(), c.Rule);
}

/// <summary>The summary table the report opens with (and the CLI prints at the end of `reproduce`).</summary>
public static class SummaryTable
{
    public static readonly IReadOnlyList<string> Columns = ["claim", "paper says", "we measured", "verdict", "rule"];

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Read by people and jq, never embedded in HTML: keep '<', '>' and non-ASCII as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Rows in claim id order (C1..C12).</summary>
    public static IReadOnlyList<SummaryRow> Rows(IEnumerable<ClaimResult> claims) =>
        ClaimOrder.Sort(claims).Select(SummaryRow.Of).ToList();

    /// <summary>Claim cell: "C1 title".</summary>
    public static string ClaimCell(SummaryRow row) => string.IsNullOrWhiteSpace(row.Title) ? row.Id : $"{row.Id} {row.Title}";

    public static string ToMarkdown(IEnumerable<ClaimResult> claims) =>
        MarkdownText.Table(Columns, Rows(claims).Select(r => new[] { ClaimCell(r), r.PaperSays, r.WeMeasured, r.Verdict, r.Rule }));

    /// <summary>The rows as a JSON array of {id, title, paperSays, weMeasured, verdict, rule}.</summary>
    public static string ToJson(IEnumerable<ClaimResult> claims) => JsonSerializer.Serialize(Rows(claims), Json);
}
