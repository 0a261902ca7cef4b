namespace StrassenRepro.BrowserCheck;

/// <summary>
/// The problems a reader would meet in a loaded report page: an image that did not load, an in-page link to nothing,
/// an absolute address, a summary table that does not show summary.json's claims and verdicts. One line each.
/// </summary>
public static class PageProblems
{
    public static IReadOnlyList<string> Find(PageSnapshot page, IReadOnlyList<ExpectedRow> expected)
    {
        var problems = new List<string>();
        foreach (var image in page.Images.Where(i => !i.Loaded))
            problems.Add($"image {Address(image.Src)} (\"{image.Alt}\") did not load");
        foreach (var link in page.Links.Where(l => !l.Resolves))
            problems.Add($"link {link.Href} points at no element of the page");
        foreach (var address in page.AbsoluteAddresses)
            problems.Add($"{Address(address)} is an absolute address: the page breaks when its folder moves");
        problems.AddRange(SummaryRows(page.Rows, expected));
        return problems;
    }

    static IEnumerable<string> SummaryRows(IReadOnlyList<RowState> rows, IReadOnlyList<ExpectedRow> expected)
    {
        if (rows.Count != expected.Count)
            yield return $"the summary table has {rows.Count} rows, summary.json {expected.Count} claims";
        foreach (var (row, want) in rows.Zip(expected))
        {
            if (row.Id != want.Id) yield return $"summary row {want.Id} shows claim \"{row.Id}\"";
            else if (row.Verdict != want.Verdict)
                yield return $"summary row {want.Id} shows verdict \"{row.Verdict}\", summary.json \"{want.Verdict}\"";
            else if (!row.Classes.Contains(want.VerdictClass))
                yield return $"summary row {want.Id}: the verdict cell's class is \"{string.Join(' ', row.Classes)}\", "
                    + $"not \"{want.VerdictClass}\"";
        }
    }

    /// <summary>An address as a reader can place it: inline images by their kind and size, not their bytes.</summary>
    public static string Address(string src) =>
        !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? src
            : $"{(src.IndexOf(',') is var comma and > 0 ? src[..comma] : "data:")} ({src.Length} characters inline)";
}
