using System.Text.Json.Nodes;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The `discover` job: train the target's runs (stored as they finish, resumable, as `reproduce` does), turn each into
/// an exact scheme where it can (rounding, lattice recovery, the crystallizer), keep the distinct ones (up to slot
/// order and sign gauge), write each as a JSON scheme that `verify` accepts, and a report.
/// </summary>
public static class Discoverer
{
    public static DiscoverySummary Run(DiscoverOptions o, IProgress<SweepProgress>? progress = null, CancellationToken cancel = default)
    {
        var target = o.Target.Validated();
        OutputFolder.Prepare(o.OutDir);
        using var storeLock = StoreLock.Acquire(Reproducer.DatabasePath(o.OutDir));
        using var store = RunStore.Open(Reproducer.DatabasePath(o.OutDir));
        var planned = SweepRunner.Canonical(target.Plan());
        Reproducer.ClaimStore(store, planned, target.StudyName, o.Resume);
        try
        {
            new SweepRunner(store, planned.Count, o.Threads, o.Engine).Run(planned, Shard.Whole, progress, cancel);
            cancel.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            var stored = store.StoredHashes();
            throw new SweepInterruptedException(store.Path, planned.Count(c => stored.Contains(c.Hash())), planned.Count);
        }
        var hashes = planned.Select(c => c.Hash()).ToHashSet();
        var records = store.All().Where(r => hashes.Contains(r.ConfigHash)).Select(r => RunCodec.Decode(r.RecordJson)).ToList();
        var runs = Crystallize(records, o, progress, cancel, store.Path);
        var summary = DiscoverySummary.Of(target, runs);
        WriteSchemes(o.OutDir, summary);
        DiscoveryReport.Write(o.OutDir, summary);
        return summary;
    }

    /// <summary>
    /// Every stored run to a DiscoveredRun, runs side by side on the sweep's threads (each run's result depends on it
    /// alone), in seed order. A stop between runs ends the job with every run stored: --resume does this part again.
    /// </summary>
    private static List<DiscoveredRun> Crystallize(List<RunRecord> records, DiscoverOptions o, IProgress<SweepProgress>? progress,
        CancellationToken cancel, string databasePath)
    {
        var runs = new DiscoveredRun[records.Count];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int done = 0;
        var gate = new object();
        progress?.Report(new SweepProgress(0, records.Count, 0, 0, clock.Elapsed, SweepStage.Crystallizing));
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = o.Threads > 0 ? o.Threads : Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        try
        {
            Parallel.For(0, records.Count, parallel, i =>
            {
                runs[i] = DiscoveredRun.Of(records[i], o.Crystallize);
                // One report at a time, in order, so a progress line never goes backwards.
                lock (gate) progress?.Report(new SweepProgress(++done, records.Count, 0, 0, clock.Elapsed, SweepStage.Crystallizing));
            });
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new SweepInterruptedException(databasePath, records.Count, records.Count);
        }
        return [.. runs.OrderBy(r => r.Seed)];
    }

    /// <summary>OUT/schemes/n-m-p-rank-R-k.json, one per distinct scheme, fewest additions first.</summary>
    public static IReadOnlyList<string> SchemePaths(string outDir, DiscoverySummary s) =>
        Enumerable.Range(1, s.Distinct.Count)
            .Select(k => Path.Combine(outDir, "schemes", $"{s.Target.Shape.N}x{s.Target.Shape.M}x{s.Target.Shape.P}-rank-{s.Target.Rank}-{k}.json"))
            .ToList();

    private static void WriteSchemes(string outDir, DiscoverySummary s)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "schemes"));
        var paths = SchemePaths(outDir, s);
        for (int k = 0; k < s.Distinct.Count; k++)
        {
            var d = s.Distinct[k];
            var metadata = new JsonObject
            {
                ["discoveredBy"] = "strassen-repro discover",
                ["study"] = s.Target.StudyName,
                ["method"] = d.FirstBy.ToString(),
                ["seeds"] = new JsonArray(d.Seeds.Select(x => (JsonNode)x).ToArray()),
                ["multiplications"] = d.Scheme.Rank,
                ["additions"] = d.Additions,
                ["bestKnownRank"] = s.BestKnownRank,
            };
            AtomicFile.WriteAllText(paths[k], SchemeJson.Write(d.Scheme, metadata) + "\n");
        }
    }
}
