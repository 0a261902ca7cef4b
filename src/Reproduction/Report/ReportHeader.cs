using System.Globalization;

namespace StrassenRepro.Reproduction.Report;

/// <summary>The report's provenance lines (preset, database, runs, commit, versions, time), shared by markdown and HTML.</summary>
public static class ReportHeader
{
    public const string Title = "StrassenRepro reproduction report";

    public static IReadOnlyList<(string Key, string Value)> Lines(ReportContext context)
    {
        var lines = new List<(string, string)>
        {
            ("preset", context.Preset),
            ("scope", context.Coverage.Describe()),
            ("database", context.DatabasePath),
            ("stored runs", context.StoredRuns.ToString(CultureInfo.InvariantCulture)),
            ("git commit", context.GitCommit),
        };
        foreach (var (name, version) in context.Versions.OrderBy(v => v.Key, StringComparer.Ordinal))
            lines.Add(($"version: {name}", version));
        lines.Add(("generated", FormatTime(context.GeneratedUtc)));
        return lines;
    }

    public static string FormatTime(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Configuration hashes as the report prints them: the first 12 characters.</summary>
    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12];

    /// <summary>Above this many run hashes the list is folded.</summary>
    public const int FoldRunsAbove = 12;
}
