using System.Text.Json.Nodes;
using StrassenRepro.Model.Search;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The two ways `discover` runs seeds, chunk after chunk, looking at the budget between chunks: the train protocol
/// through the study store (OUT/runs.db, locked, resumable, as `reproduce`), crystallizing each population as it is
/// stored; the als protocol in memory, side by side on the threads, each run logged to OUT/runs.jsonl.
/// </summary>
internal sealed class DiscoveryStudy(DiscoverOptions o, DiscoveryTarget target, DiscoveryFinds finds, Action report, Func<bool> spent)
{
    private int Threads => o.Threads > 0 ? o.Threads : Environment.ProcessorCount;

    private int NextChunk() => Math.Min(o.Chunk(Threads), (o.EffectiveBudget.Runs ?? int.MaxValue) - finds.Runs);

    public void RunTrain(CancellationToken cancel)
    {
        string db = Reproducer.DatabasePath(o.OutDir);
        using var storeLock = StoreLock.Acquire(db);
        using var store = RunStore.Open(db);
        // Runs stored by an earlier, stopped discovery: crystallized again (deterministic) rather than retrained.
        var before = o.Resume ? store.All().ToDictionary(r => r.ConfigHash, r => r.RecordJson) : [];
        report();
        for (long seed = target.FirstSeed; !spent();)
        {
            int count = NextChunk();
            var planned = SweepRunner.Canonical(target.Plan(seed, count));
            Reproducer.ClaimStore(store, planned, target.StudyName, o.Resume);
            var stored = planned.Select(c => c.Hash()).Where(before.ContainsKey).Select(h => RunCodec.Decode(before[h])).ToList();
            if (stored.Count > 0) Crystallize(stored, cancel);
            new SweepRunner(store, planned.Count, o.Threads, o.Engine).Run(planned, Shard.Whole, null, cancel, r => Crystallize(r, cancel));
            seed += count;
        }
    }

    /// <summary>The records side by side on the threads (each result depends on its run alone), added in seed order.</summary>
    private void Crystallize(IReadOnlyList<RunRecord> records, CancellationToken cancel)
    {
        var runs = new DiscoveredRun[records.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancel };
        Parallel.For(0, records.Count, parallel, i => runs[i] = DiscoveredRun.Of(records[i], o.Crystallize));
        foreach (var run in runs.OrderBy(r => r.Seed)) finds.Add(run);
        report();
    }

    public const string AlsLog = "runs.jsonl";

    public void RunAls(CancellationToken cancel)
    {
        string log = Path.Combine(o.OutDir, AlsLog);
        if (o.Resume) throw new ArgumentException("--resume continues a train-protocol discovery; an als run is cheap: start again, or pass --first-seed");
        using var storeLock = StoreLock.Acquire(log);
        if (File.Exists(log)) throw new ArgumentException($"{log} already holds an als discovery; choose another --out");
        var header = new JsonObject { ["study"] = target.StudyName, ["commit"] = Provenance.GitCommit, ["knobs"] = o.Als.ToJson() };
        File.WriteAllText(log, header.ToJsonString() + "\n");
        report();
        for (long seed = target.FirstSeed; !spent();)
        {
            int count = NextChunk();
            var runs = new (AlsRun Run, DiscoveredRun Found, double Seconds)[count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancel };
            long first = seed;
            Parallel.For(0, count, parallel, i =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var run = AlsSearch.Run(target.Shape, target.Rank, first + i, o.Als, cancel);
                var found = DiscoveredRun.Of(run);
                if (found.Exact is null && o.Als.CrystallizerFallback && run.FittedPoint is { } point && o.Crystallize?.Invoke(point) is { } exact
                    && DiscoveryCrystallizer.IsExact(exact))
                    found = found with { Exact = exact, ExactBy = ExactBy.Crystallizer, Outcome = Crystallization.Outcome.Discrete };
                runs[i] = (run, found, clock.Elapsed.TotalSeconds);
            });
            var lines = new System.Text.StringBuilder();
            foreach (var (run, found, seconds) in runs)
            {
                finds.Add(found);
                lines.AppendLine(new JsonObject
                {
                    ["seed"] = run.Seed,
                    ["fitSweeps"] = run.FitSweeps,
                    ["fitResidual"] = double.IsFinite(run.FitResidual) ? run.FitResidual : null,
                    ["fitted"] = run.Fitted,
                    ["exactBy"] = found.ExactBy.ToString(),
                    ["seconds"] = Math.Round(seconds, 4),
                }.ToJsonString());
            }
            File.AppendAllText(log, lines.ToString());
            report();
            seed += count;
        }
    }
}
