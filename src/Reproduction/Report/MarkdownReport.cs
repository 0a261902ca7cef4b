using System.Text;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Reproduction.Report;

/// <summary>report.md: header, the summary table, then one section per claim with its evidence.</summary>
public static class MarkdownReport
{
    /// <param name="claims">In claim id order.</param>
    /// <param name="figures">Rendered figures, aligned with <paramref name="claims"/>.</param>
    /// <param name="findings">The findings box's numbers; without them the report has no box.</param>
    public static string Build(ReportContext context, IReadOnlyList<ClaimResult> claims, IReadOnlyList<IReadOnlyList<ReportFigure>> figures,
        StudyFindings? findings = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {ReportHeader.Title}").AppendLine();
        var scope = context.Coverage;
        if (!scope.ClaimsFindings) md.AppendLine($"> **{MarkdownText.Inline(scope.Describe())}**").AppendLine();
        if (findings is not null)
        {
            md.AppendLine($"> **{MarkdownText.Inline(FindingsBox.Title(scope))}**").AppendLine(">");
            foreach (var line in FindingsBox.Lines(findings)) md.AppendLine($"> - {MarkdownText.Inline(line)}");
            md.AppendLine();
        }
        md.Append(MarkdownText.Table(["", ""], ReportHeader.Lines(context).Select(l => new[] { l.Key, l.Value }))).AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine(claims.Count == 0 ? "No claim was evaluated." : SummaryTable.ToMarkdown(claims, scope));
        AppendOrigins(md, claims, scope);

        for (int i = 0; i < claims.Count; i++)
            AppendClaim(md, claims[i], figures[i], scope);
        return md.ToString();
    }

    static void AppendClaim(StringBuilder md, ClaimResult c, IReadOnlyList<ReportFigure> figures, ReportScope scope)
    {
        md.AppendLine($"## {MarkdownText.Inline(c.Id)}: {MarkdownText.Inline(c.Title)}").AppendLine();
        md.AppendLine($"**Paper says:** {MarkdownText.Inline(c.PaperSays)}").AppendLine();
        md.AppendLine($"**We measured:** {MarkdownText.Inline(c.WeMeasured)}").AppendLine();
        md.AppendLine($"**Verdict: {scope.Show(c.Verdict)}** (rule: {MarkdownText.Inline(c.Rule)})").AppendLine();
        if (c.RunsToDecide is { } need) md.AppendLine($"**Runs to decide:** {MarkdownText.Inline(need.Describe())}").AppendLine();
        AppendOrigin(md, c, scope);

        foreach (var table in c.Tables)
        {
            md.AppendLine($"### {MarkdownText.Inline(table.Title)}").AppendLine();
            md.AppendLine(MarkdownText.Table(table.Columns, table.Rows));
        }

        foreach (var f in figures)
        {
            md.AppendLine($"![{MarkdownText.Inline(f.Spec.Title).Replace("]", "\\]")}]({f.RelativePath})").AppendLine();
            var caption = f.Caption;
            md.AppendLine(caption.Length > 0
                ? $"*Figure: {MarkdownText.Inline(f.Spec.Title)}. {MarkdownText.Inline(caption)}*"
                : $"*Figure: {MarkdownText.Inline(f.Spec.Title)}.*").AppendLine();
        }

        if (c.Notes.Count > 0)
        {
            md.AppendLine("**Notes**").AppendLine();
            foreach (var note in c.Notes) md.AppendLine($"- {MarkdownText.Inline(note)}");
            md.AppendLine();
        }

        AppendRuns(md, c.RunHashes);
    }

    /// <summary>The section after the summary: every traced number of every claim, one row each.</summary>
    static void AppendOrigins(StringBuilder md, IReadOnlyList<ClaimResult> claims, ReportScope scope)
    {
        var rows = OriginTable.Rows(claims, scope).ToList();
        if (rows.Count == 0) return;
        md.AppendLine($"## {OriginTable.Title}").AppendLine();
        md.AppendLine(MarkdownText.Inline(OriginTable.Intro)).AppendLine();
        md.AppendLine(MarkdownText.Table(OriginTable.Columns, rows));
    }

    /// <summary>
    /// In a claim's section: whether its numbers trace, each number's trace, and the tables behind it.
    /// </summary>
    static void AppendOrigin(StringBuilder md, ClaimResult c, ReportScope scope)
    {
        if (c.Origin is not { } origin) return;
        md.AppendLine($"### {OriginTable.Title}: {scope.Show(origin.Explained)}").AppendLine();
        foreach (var r in origin.Numbers.Select(n => OriginRow.Of(n, scope)))
        {
            md.AppendLine($"- **{MarkdownText.Inline(r.Quantity)}**: paper {MarkdownText.Inline(r.Paper)}. "
                + $"**{r.Explained}** (rule: {MarkdownText.Inline(r.Rule)})")
              .AppendLine($"  - script: {MarkdownText.Inline(r.SourcesText)}")
              .AppendLine($"  - re-execution: {MarkdownText.Inline(r.Reexecution)}")
              .AppendLine($"  - correct computation: {MarkdownText.Inline(r.Correct)}")
              .AppendLine($"  - why: {MarkdownText.Inline(r.Explanation)}");
        }
        md.AppendLine();
        foreach (var table in c.OriginTables)
        {
            md.AppendLine($"#### {MarkdownText.Inline(table.Title)}").AppendLine();
            md.AppendLine(MarkdownText.Table(table.Columns, table.Rows));
        }
        foreach (var note in c.OriginNotes) md.AppendLine($"- {MarkdownText.Inline(note)}");
        if (c.OriginNotes.Count > 0) md.AppendLine();
    }

    static void AppendRuns(StringBuilder md, IReadOnlyList<string> hashes)
    {
        var codes = string.Join(" ", hashes.Select(h => $"`{ReportHeader.ShortHash(h).Replace("`", "")}`"));
        if (hashes.Count == 0)
            md.AppendLine("**Runs used:** none.").AppendLine();
        else if (hashes.Count <= ReportHeader.FoldRunsAbove)
            md.AppendLine($"**Runs used ({hashes.Count}):** {codes}").AppendLine();
        else
            md.AppendLine("<details>")
              .AppendLine($"<summary>Runs used ({hashes.Count}; configuration hashes, first 12 characters)</summary>")
              .AppendLine().AppendLine(codes).AppendLine()
              .AppendLine("</details>").AppendLine();
    }
}
