using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// `export-runs`: every stored run as one JSON object a line (hash, commit, library versions, finish time, seconds and
/// the whole record), written whole or not at all (AtomicFile), so a reader never sees half a file.
/// </summary>
public static class RunsJsonl
{
    /// <summary>The lines of the runs, in the store's order, each ending in a newline (UTF-8, no byte-order mark).</summary>
    public static void Write(IEnumerable<StoredRun> runs, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var run in runs)
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                run.ConfigHash,
                run.GitCommit,
                versions = JsonNode.Parse(run.VersionsJson),
                run.FinishedUtc,
                run.Seconds,
                record = JsonNode.Parse(run.RecordJson),
            }, RunCodec.Json));
    }

    /// <summary>Writes the runs of the store at dbPath to path; returns how many.</summary>
    public static int Export(string dbPath, string path)
    {
        using var store = RunStore.Open(dbPath);
        var runs = store.All();
        AtomicFile.Write(path, stream => Write(runs, stream));
        return runs.Count;
    }
}
