namespace StrassenRepro.Reproduction.Report;

/// <summary>Escaping for text placed into markdown: table cells and one-line contexts such as headings.</summary>
public static class MarkdownText
{
    /// <summary>A table cell: a '|' would end the cell and a newline the row, so both are escaped.</summary>
    public static string Cell(string? text) =>
        string.Join("<br>", Lines(text).Select(NoTags)).Replace("|", "\\|");

    /// <summary>One line of text (a heading, a list item): line breaks become spaces.</summary>
    public static string Inline(string? text) => string.Join(" ", Lines(text).Select(NoTags));

    /// <summary>
    /// Markdown passes HTML through, so a '&lt;' that could open a tag is written as an entity;
    /// comparisons such as "p &lt; 0.05" stay as they are, readable in a terminal.
    /// </summary>
    static string NoTags(string line) => TagStart.Replace(line, "&lt;");

    static readonly System.Text.RegularExpressions.Regex TagStart = new("<(?=[A-Za-z/!?])", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A table with a header row; ragged rows are padded so every row has the header's width.</summary>
    public static string Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("| ").AppendJoin(" | ", columns.Select(Cell)).AppendLine(" |");
        sb.Append('|').AppendJoin("|", columns.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, Math.Max(columns.Count, row.Count)).Select(i => i < row.Count ? Cell(row[i]) : "");
            sb.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
        }
        return sb.ToString();
    }

    static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
