using System.Net;
using System.Text;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// index.html: the same content as report.md in one self-contained file (inline CSS, figures as data
/// URIs, nothing fetched), so it opens straight from a CI artifact. Every piece of text is HTML-escaped.
/// </summary>
public static class HtmlReport
{
    const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #1b1b1b; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; } h3 { font-size: 1.05em; }
        table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .92em; }
        th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td { overflow-wrap: anywhere; }
        /* A table wider than the page scrolls inside its box; the page itself never gets wider than the window. */
        div.wide { overflow-x: auto; max-width: 100%; }
        table.meta td:first-child { font-weight: 600; white-space: nowrap; }
        .verdict { font-weight: 700; white-space: nowrap; }
        .reproduced { color: #11632b; background: #e3f5e8; }
        .not-reproduced { color: #9b1c1c; background: #fbe4e4; }
        .inconclusive { color: #7a5a00; background: #fff4d1; }
        .not-a-finding { color: #444; background: #ececec; }
        div.findings { padding: .4em 1em; background: #eef4fb; border-left: 4px solid #3b6ea8; margin: 1em 0; }
        div.findings h2 { border: none; margin: .3em 0; font-size: 1.15em; }
        p.scope { font-weight: 700; padding: .5em .8em; background: #ececec; border-left: 4px solid #888; }
        figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .9em; color: #444; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88em; }
        details summary { cursor: pointer; }
        """;

    /// <param name="claims">In claim id order.</param>
    /// <param name="figures">Rendered figures, aligned with <paramref name="claims"/>.</param>
    /// <param name="findings">The findings box's numbers; without them the page has no box.</param>
    public static string Build(ReportContext context, IReadOnlyList<ClaimResult> claims, IReadOnlyList<IReadOnlyList<ReportFigure>> figures,
        StudyFindings? findings = null)
    {
        var anchors = Anchors(claims);
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\">").AppendLine("<head>")
         .AppendLine("<meta charset=\"utf-8\">")
         .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .AppendLine($"<title>{Text(ReportHeader.Title)}</title>")
         .AppendLine("<style>").AppendLine(Css).AppendLine("</style>").AppendLine("</head>").AppendLine("<body>");

        h.AppendLine($"<h1>{Text(ReportHeader.Title)}</h1>");
        var scope = context.Coverage;
        if (!scope.ClaimsFindings) h.AppendLine($"<p class=\"scope\">{Text(scope.Describe())}</p>");
        if (findings is not null)
        {
            h.AppendLine("<div class=\"findings\">").AppendLine($"<h2 id=\"findings\">{Text(FindingsBox.Title(scope))}</h2>").AppendLine("<ul>");
            foreach (var line in FindingsBox.Lines(findings)) h.AppendLine($"<li>{Text(line)}</li>");
            h.AppendLine("</ul>").AppendLine("</div>");
        }
        h.AppendLine("<table class=\"meta\">");
        foreach (var (key, value) in ReportHeader.Lines(context)) h.AppendLine($"<tr><td>{Text(key)}</td><td>{Text(value)}</td></tr>");
        h.AppendLine("</table>");

        h.AppendLine("<h2 id=\"summary\">Summary</h2>");
        if (claims.Count == 0) h.AppendLine("<p>No claim was evaluated.</p>");
        else AppendSummary(h, claims, anchors, scope);
        AppendOrigins(h, claims, scope);

        for (int i = 0; i < claims.Count; i++) AppendClaim(h, claims[i], anchors[i], figures[i], scope);
        h.AppendLine("</body>").AppendLine("</html>");
        return h.ToString();
    }

    static void AppendSummary(StringBuilder h, IReadOnlyList<ClaimResult> claims, IReadOnlyList<string> anchors,
        ReportScope scope)
    {
        h.AppendLine("<div class=\"wide\">").AppendLine("<table class=\"summary\">").Append("<thead><tr>");
        foreach (var column in SummaryTable.Columns) h.Append($"<th>{Text(column)}</th>");
        h.AppendLine("</tr></thead>").AppendLine("<tbody>");
        for (int i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            h.Append("<tr>")
             .Append($"<td><a href=\"#{anchors[i]}\">{Text(c.Id)}</a> {Text(c.Title)}</td>")
             .Append($"<td>{Text(c.PaperSays)}</td><td>{Text(c.WeMeasured)}</td>")
             .Append($"<td class=\"verdict {VerdictClass(c.Verdict, scope)}\">{Text(scope.Show(c.Verdict))}</td>")
             .Append($"<td>{Text(OriginTable.ExplainedCell(c, scope))}</td>")
             .Append($"<td>{Text(c.Rule)}</td>")
             .AppendLine("</tr>");
        }
        h.AppendLine("</tbody>").AppendLine("</table>").AppendLine("</div>");
    }

    static void AppendClaim(StringBuilder h, ClaimResult c, string anchor, IReadOnlyList<ReportFigure> figures,
        ReportScope scope)
    {
        h.AppendLine($"<section id=\"{anchor}\">");
        h.AppendLine($"<h2>{Text(c.Id)}: {Text(c.Title)}</h2>");
        h.AppendLine($"<p><strong>Paper says:</strong> {Text(c.PaperSays)}</p>");
        h.AppendLine($"<p><strong>We measured:</strong> {Text(c.WeMeasured)}</p>");
        h.AppendLine($"<p><strong>Verdict:</strong> <span class=\"verdict {VerdictClass(c.Verdict, scope)}\">"
            + $"{Text(scope.Show(c.Verdict))}</span> (rule: {Text(c.Rule)})</p>");
        if (c.RunsToDecide is { } need) h.AppendLine($"<p><strong>Runs to decide:</strong> {Text(need.Describe())}</p>");
        AppendOrigin(h, c, scope);

        foreach (var table in c.Tables) AppendTable(h, table, heading: true);

        foreach (var f in figures)
        {
            var caption = f.Caption.Length > 0 ? $"{f.Spec.Title}. {f.Caption}" : f.Spec.Title;
            h.AppendLine("<figure>")
             .AppendLine($"<img src=\"data:image/png;base64,{Convert.ToBase64String(f.Rendered.Png)}\" alt=\"{Text(f.Spec.Title)}\" width=\"{FigureRenderer.DefaultWidth}\" height=\"{FigureRenderer.DefaultHeight}\">")
             .AppendLine($"<figcaption>Figure ({Text(f.RelativePath)}): {Text(caption)}</figcaption>")
             .AppendLine("</figure>");
        }

        if (c.Notes.Count > 0)
        {
            h.AppendLine("<h3>Notes</h3>").AppendLine("<ul>");
            foreach (var note in c.Notes) h.AppendLine($"<li>{Text(note)}</li>");
            h.AppendLine("</ul>");
        }

        var codes = string.Join(" ", c.RunHashes.Select(x => $"<code>{Text(ReportHeader.ShortHash(x))}</code>"));
        if (c.RunHashes.Count == 0) h.AppendLine("<p><strong>Runs used:</strong> none.</p>");
        else if (c.RunHashes.Count <= ReportHeader.FoldRunsAbove) h.AppendLine($"<p><strong>Runs used ({c.RunHashes.Count}):</strong> {codes}</p>");
        else h.AppendLine($"<details><summary>Runs used ({c.RunHashes.Count}; configuration hashes, first 12 characters)</summary><p>{codes}</p></details>");
        h.AppendLine("</section>");
    }

    /// <summary>The section after the summary: every traced number of every claim, one row each.</summary>
    static void AppendOrigins(StringBuilder h, IReadOnlyList<ClaimResult> claims, ReportScope scope)
    {
        var rows = OriginTable.Rows(claims, scope).ToList();
        if (rows.Count == 0) return;
        h.AppendLine($"<h2 id=\"origins\">{Text(OriginTable.Title)}</h2>")
            .AppendLine($"<p>{Text(OriginTable.Intro)}</p>");
        AppendTable(h, new ReportTable("", OriginTable.Columns, rows), heading: false);
    }

    /// <summary>
    /// In a claim's section: whether its numbers trace, each number's trace, and the tables behind it.
    /// </summary>
    static void AppendOrigin(StringBuilder h, ClaimResult c, ReportScope scope)
    {
        if (c.Origin is not { } origin) return;
        h.AppendLine($"<h3>{Text(OriginTable.Title)}: {Text(scope.Show(origin.Explained))}</h3>").AppendLine("<ul>");
        foreach (var r in origin.Numbers.Select(n => OriginRow.Of(n, scope)))
            h.AppendLine($"<li><strong>{Text(r.Quantity)}</strong>: paper {Text(r.Paper)}. "
                + $"<strong>{Text(r.Explained)}</strong> "
                + $"(rule: {Text(r.Rule)})<ul><li>script: <code>{Text(r.SourcesText)}</code></li>"
                + $"<li>re-execution: {Text(r.Reexecution)}</li><li>correct computation: {Text(r.Correct)}</li>"
                + $"<li>why: {Text(r.Explanation)}</li></ul></li>");
        h.AppendLine("</ul>");
        foreach (var table in c.OriginTables) AppendTable(h, table, heading: true);
        if (c.OriginNotes.Count == 0) return;
        h.AppendLine("<ul>");
        foreach (var note in c.OriginNotes) h.AppendLine($"<li>{Text(note)}</li>");
        h.AppendLine("</ul>");
    }

    static void AppendTable(StringBuilder h, ReportTable table, bool heading)
    {
        if (heading) h.AppendLine($"<h3>{Text(table.Title)}</h3>");
        h.AppendLine("<div class=\"wide\">").AppendLine("<table>").Append("<thead><tr>");
        foreach (var column in table.Columns) h.Append($"<th>{Text(column)}</th>");
        h.AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            h.Append("<tr>");
            for (int k = 0; k < Math.Max(row.Count,
                table.Columns.Count); k++) h.Append($"<td>{Text(k < row.Count ? row[k] : "")}</td>");
            h.AppendLine("</tr>");
        }
        h.AppendLine("</tbody>").AppendLine("</table>").AppendLine("</div>");
    }

    /// <summary>The verdict's colour; grey where the report cannot claim a finding.</summary>
    static string VerdictClass(Verdict v, ReportScope scope) =>
        scope.ClaimsFindings ? v.ToWire().Replace(' ', '-') : "not-a-finding";

    /// <summary>HTML-escaped text; line breaks kept as &lt;br&gt;.</summary>
    public static string Text(string? s) =>
        WebUtility.HtmlEncode((s ?? "").Replace("\r\n", "\n").Trim()).Replace("\n", "<br>");

    /// <summary>Element ids for the claim sections: "c1", "c2", ...; made unique if ids repeat.</summary>
    static IReadOnlyList<string> Anchors(IReadOnlyList<ClaimResult> claims)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "summary" };
        var anchors = new List<string>();
        foreach (var c in claims)
        {
            var baseId = new string(c.Id.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-');
            if (baseId.Length == 0) baseId = "claim";
            var id = baseId;
            for (int k = 2; !used.Add(id); k++) id = $"{baseId}-{k}";
            anchors.Add(id);
        }
        return anchors;
    }
}
