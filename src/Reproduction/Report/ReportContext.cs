namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// Where the report's data came from, printed in its header; Scope says what its verdicts can mean. GitCommit is the
/// build that writes the report; TrainedBy the commit(s) recorded with the stored runs (';'-separated when several).
/// </summary>
public sealed record ReportContext(
    string Preset,
    string DatabasePath,
    int StoredRuns,
    string GitCommit,
    IReadOnlyDictionary<string, string> Versions,
    DateTime GeneratedUtc,
    ReportScope? Scope = null,
    string? TrainedBy = null)
{
    /// <summary>The scope; without one, a report of this preset with nothing planned (whole unless smoke).</summary>
    public ReportScope Coverage => Scope ?? new ReportScope(Preset, 0, 0);
}
