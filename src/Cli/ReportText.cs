using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Cli;

/// <summary>
/// What `reproduce` and `report` print: the findings box, then a compact table (claim, verdict, a few measured words)
/// whose rows fit a terminal; report.md and index.html keep the full tables.
/// </summary>
public static class ReportText
{
    /// <summary>No printed line is longer than this.</summary>
    public const int Width = 99;

    public static IEnumerable<string> Lines(EvaluatedReport report)
    {
        if (report.Findings is { } findings)
        {
            yield return FindingsBox.Title(report.Scope);
            foreach (var sentence in FindingsBox.Lines(findings))
                foreach (var line in Wrap(sentence, "  - ", "    ")) yield return line;
            yield return "";
        }
        if (report.Claims.Count == 0)
        {
            yield return "No claim was evaluated.";
            yield break;
        }
        foreach (var row in Table(report.Claims, report.Scope)) yield return row;
    }

    /// <summary>One header and one row per claim in id order: "C1   not reproduced   8/3000 = 0.3% ...".</summary>
    public static IReadOnlyList<string> Table(IReadOnlyList<ClaimResult> claims, ReportScope scope)
    {
        var sorted = ClaimOrder.Sort(claims);
        // Outside a whole report the header qualifies the column once, instead of every cell.
        string header = scope.ClaimsFindings ? "verdict" : $"verdict ({scope.ToWire()})";
        int idWidth = Math.Max("claim".Length, sorted.Max(c => c.Id.Length));
        int verdictWidth = Math.Max(header.Length, sorted.Max(c => c.Verdict.ToWire().Length));
        string Row(string id, string verdict, string measured) =>
            $"{id.PadRight(idWidth)}  {verdict.PadRight(verdictWidth)}  {measured}".TrimEnd();
        int room = Width - idWidth - verdictWidth - 4;
        var rows = new List<string> { Row("claim", header, "measured") };
        rows.AddRange(sorted.Select(c => Row(c.Id, c.Verdict.ToWire(), Measured(c, room))));
        return rows;
    }

    /// <summary>The claim's headline (or the first clause of what it measured), clipped to fit, and what a decision needs.</summary>
    public static string Measured(ClaimResult c, int room)
    {
        string need = c.RunsToDecide is { } r ? $"; {r.Short()}" : "";
        string words = c.Headline ?? c.WeMeasured.Split(';')[0].Trim();
        return Clip(words, Math.Max(0, room - need.Length)) + need;
    }

    /// <summary>The text, or as many whole words of it as fit in width with "..." after them.</summary>
    public static string Clip(string text, int width)
    {
        if (text.Length <= width) return text;
        int cut = text.LastIndexOf(' ', Math.Max(0, width - 3));
        return (cut > 0 ? text[..cut] : text[..Math.Max(0, width - 3)]).TrimEnd(',', ';', ':') + "...";
    }

    /// <summary>Words into lines of at most <see cref="Width"/> characters: the first after first, the rest after next.</summary>
    public static IEnumerable<string> Wrap(string text, string first, string next)
    {
        var line = first;
        bool empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                yield return line;
                line = next;
                empty = true;
            }
            line += (empty ? "" : " ") + word;
            empty = false;
        }
        yield return line;
    }
}
