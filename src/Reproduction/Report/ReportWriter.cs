using StrassenRepro.Reproduction.Claims;
namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// Writes the report folder: figures/&lt;id&gt;.png, report.md, index.html and summary.json. Each file
/// is written atomically and the pages last, so a crash leaves either the old page or the new one,
/// never half of one, and a page never points at a figure not yet written.
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "index.html";
    public const string SummaryJsonFile = "summary.json";

    /// <param name="findings">The numbers of the findings box at the top of both pages; none: no box.</param>
    public static WrittenReport Write(string outDir, ReportContext context, IReadOnlyList<ClaimResult> claims,
        StudyFindings? findings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claims);

        var dir = OutputFolder.Prepare(outDir);
        var sorted = ClaimOrder.Sort(claims);
        var figures = ReportFigure.RenderAll(sorted);

        var figurePaths = new List<string>();
        foreach (var f in figures.SelectMany(x => x))
        {
            var path = Path.Combine(dir, f.RelativePath);
            AtomicFile.WriteAllBytes(path, f.Rendered.Png);
            figurePaths.Add(path);
        }

        var summary = Path.Combine(dir, SummaryJsonFile);
        var markdown = Path.Combine(dir, MarkdownFile);
        var html = Path.Combine(dir, HtmlFile);
        AtomicFile.WriteAllText(summary, SummaryTable.ToJson(sorted, context.Coverage, context, findings) + "\n");
        AtomicFile.WriteAllText(markdown, MarkdownReport.Build(context, sorted, figures, findings));
        AtomicFile.WriteAllText(html, HtmlReport.Build(context, sorted, figures, findings));
        RemoveStaleFigures(dir, figurePaths);
        return new WrittenReport(dir, markdown, html, summary, figurePaths);
    }

    /// <summary>A PNG left in figures/ by an earlier report would look like evidence no stored run backs.</summary>
    static void RemoveStaleFigures(string dir, IReadOnlyList<string> current)
    {
        var folder = Path.Combine(dir, ReportFigure.Folder);
        if (!Directory.Exists(folder)) return;
        var keep = new HashSet<string>(current.Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var png in Directory.EnumerateFiles(folder, "*.png"))
            if (!keep.Contains(Path.GetFullPath(png))) File.Delete(png);
    }
}
