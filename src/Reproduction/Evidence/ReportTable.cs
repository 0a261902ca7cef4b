namespace StrassenRepro.Reproduction.Evidence;

/// <summary>A table of the evidence: header and rows of already formatted cells.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
