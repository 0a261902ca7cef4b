using System.Text;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Report;

/// <summary>A rendered figure of one claim and the file it is saved to (relative to the report folder).</summary>
public sealed record ReportFigure(FigureSpec Spec, string RelativePath, RenderedFigure Rendered)
{
    public const string Folder = "figures";

    /// <summary>The spec's caption, plus a note when points were left out.</summary>
    public string Caption
    {
        get
        {
            var parts = new List<string>();
            if (!string.IsNullOrWhiteSpace(Spec.Caption)) parts.Add(Spec.Caption.Trim());
            if (Rendered.SkippedPoints > 0)
                parts.Add($"{Rendered.SkippedPoints} point(s) not drawn (NaN, infinite, missing, or not positive on a log axis).");
            return string.Join(" ", parts);
        }
    }

    /// <summary>Renders every figure of every claim; ids become file names, made safe and unique.</summary>
    public static IReadOnlyList<IReadOnlyList<ReportFigure>> RenderAll(IReadOnlyList<ClaimResult> claims)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return claims.Select(c => (IReadOnlyList<ReportFigure>)c.Figures
            .Select(f => new ReportFigure(f, $"{Folder}/{UniqueName(SafeName(f.Id, c.Id), used)}.png", FigureRenderer.Render(f)))
            .ToList()).ToList();
    }

    /// <summary>Letters, digits, '-', '_' and '.' survive; anything else becomes '-'. An empty id borrows the claim's.</summary>
    public static string SafeName(string? id, string claimId)
    {
        var name = Sanitize(id);
        if (name.Length > 0) return name;
        var claim = Sanitize(claimId);
        return claim.Length > 0 ? claim + "-figure" : "figure";
    }

    static string Sanitize(string? text)
    {
        var sb = new StringBuilder();
        foreach (char ch in (text ?? "").Trim())
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-');
        return sb.ToString().Trim('.', '-');
    }

    static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (int k = 2; !used.Add(candidate); k++) candidate = $"{name}-{k}";
        return candidate;
    }
}
