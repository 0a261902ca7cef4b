using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>The code and library versions recorded with every stored run.</summary>
public static class Provenance
{
    public static string GitCommit { get; } = Checkpoint.GitCommit() ?? "unknown";

    public static IReadOnlyDictionary<string, string> Versions { get; } = new SortedDictionary<string, string>(
        LibraryVersions.Training.ToDictionary())
    {
        ["strassen-repro"] = typeof(Provenance).Assembly.GetName().Version?.ToString() ?? "?",
        ["Microsoft.Data.Sqlite"] = typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.GetName().Version?.ToString() ?? "?",
    };
}
