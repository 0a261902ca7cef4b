namespace StrassenRepro.BrowserCheck;

/// <summary>What the check saw in the page and the problems it found; it passes when there are none.</summary>
public sealed record PageCheckResult(string Url, PageSnapshot Page, IReadOnlyList<string> Problems, string? Screenshot)
{
    public bool Passed => Problems.Count == 0;
}
