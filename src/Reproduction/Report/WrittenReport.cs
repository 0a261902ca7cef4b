namespace StrassenRepro.Reproduction.Report;

/// <summary>The files one call of <see cref="ReportWriter.Write"/> produced.</summary>
public sealed record WrittenReport(string Directory, string Markdown, string Html, string SummaryJson, IReadOnlyList<string> Figures);
