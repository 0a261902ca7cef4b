namespace StrassenRepro.BrowserCheck;

/// <summary>A row of the summary table: the claim id of its link, the verdict cell's text and classes.</summary>
public sealed record RowState(string Id, string Verdict, IReadOnlyList<string> Classes);
