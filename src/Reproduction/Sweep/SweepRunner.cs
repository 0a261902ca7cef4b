using System.Diagnostics;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>
/// Runs a plan on the population engine: the plan is sorted (batch size, config hash) so shards are
/// deterministic; runs already in the store are skipped; the rest train in populations of runs that share
/// everything but seed, learning rate and weight decay (PopulationTrainer.PopulationKey),
/// and each population is verified and stored in one transaction as soon as it finishes.
/// </summary>
public sealed class SweepRunner(RunStore store, int populationSize = 256, int threads = 0, EngineChoice? engine = null)
{
    /// <summary>The plan in its canonical order, duplicates (same configuration hash) removed.</summary>
    public static IReadOnlyList<RunConfig> Canonical(IEnumerable<RunConfig> plan) =>
        plan.GroupBy(c => c.Hash()).Select(g => g.First())
            .OrderBy(c => c.BatchSize).ThenBy(c => c.Hash(), StringComparer.Ordinal)
            .ToList();

    /// <summary>The runs of the canonical plan that fall to this shard.</summary>
    public static IReadOnlyList<RunConfig> ShardOf(IEnumerable<RunConfig> plan, Shard shard) =>
        Canonical(plan).Where((_, i) => shard.Contains(i)).ToList();

    /// <summary>
    /// Trains and stores the shard's missing runs. A cancellation stops training at the next step; the population
    /// in training is dropped (nothing of it was stored), a population being stored is committed first.
    /// onStored, when given, sees each population's records as soon as they are stored (discover crystallizes there).
    /// </summary>
    public int Run(IEnumerable<RunConfig> plan, Shard shard, IProgress<SweepProgress>? progress = null,
        CancellationToken cancel = default, Action<IReadOnlyList<RunRecord>>? onStored = null)
    {
        var mine = ShardOf(plan, shard);
        var stored = store.StoredHashes();
        var todo = mine.Where(c => !stored.Contains(c.Hash())).ToList();
        int skipped = mine.Count - todo.Count, done = skipped, added = 0;
        var clock = Stopwatch.StartNew();
        // Library versions and the engine with its device and driver, recorded with every stored run.
        string versions = System.Text.Json.JsonSerializer.Serialize(
            new SortedDictionary<string, string>(Provenance.Versions.Concat((engine ?? EngineChoice.Cpu).Describe()).ToDictionary()));
        progress?.Report(new SweepProgress(done, mine.Count, skipped, 0, clock.Elapsed));
        foreach (var group in todo.GroupBy(PopulationTrainer.PopulationKey))
            foreach (var population in group.Chunk(populationSize))
            {
                cancel.ThrowIfCancellationRequested();
                var started = clock.Elapsed;
                var results = PopulationTrainer.Train(population, threads, engine, cancel: cancel);
                double seconds = (clock.Elapsed - started).TotalSeconds / population.Length;
                var records = results.Select(Record).ToList();
                added += store.AddAll(records.Select(r => ToStored(r, seconds, versions)));
                done += population.Length;
                progress?.Report(new SweepProgress(done, mine.Count, skipped, population[0].BatchSize, clock.Elapsed));
                onStored?.Invoke(records);
            }
        return added;
    }

    /// <summary>Verification (with lattice recovery) of one trained run, as stored.</summary>
    public static RunRecord Record(RunResult r)
    {
        if (r.Scheme is null) return DivergedRecord(r);
        var report = Verifier.VerifyWithRecovery(r.Scheme, r.VerificationOptions, $"run-{r.ConfigHash[..16]}", "run");
        return new RunRecord
        {
            Config = r.Config,
            ConfigHash = r.ConfigHash,
            Verification = report,
            Weights = SchemeRows.Of(r.Scheme),
            PrunedSlots = r.PrunedSlots,
            PruneSkipped = r.PruneSkipped,
            Steps = r.Steps,
            Curves = r.Curves,
            Kappas = r.Kappas,
            Source = ProtocolSources.Find(r.Config.Protocol),
        };
    }

    /// <summary>A run whose weights became non-finite: outcome "diverged", nothing to verify or transfer.</summary>
    private static RunRecord DivergedRecord(RunResult r) => new()
    {
        Config = r.Config,
        ConfigHash = r.ConfigHash,
        Verification = new VerificationReport
        {
            Path = $"run-{r.ConfigHash[..16]}",
            Format = "run",
            Shape = [r.Config.Shape.N, r.Config.Shape.M, r.Config.Shape.P],
            Slots = r.Config.Slots,
            KeptSlots = 0,
            KeptSlotIndices = [],
            SlotImportance = [],
            Delta = double.PositiveInfinity,
            Discretizable = false,
            InputIntegral = false,
            BrentValid = false,
            BrentFailedEquations = 0,
            BrentEquations = 0,
            BrentMaxResidual = double.PositiveInfinity,
            STheta = 0,
            Outcome = Outcome.Diverged,
            CanonicalStrassen = false,
            Ring = "Z",
            TransferOf = "none",
            Transfer = [],
            Valid = false,
        },
        Weights = null,
        PrunedSlots = r.PrunedSlots,
        PruneSkipped = r.PruneSkipped,
        Steps = r.Steps,
        Curves = r.Curves,
        Kappas = r.Kappas,
        Source = ProtocolSources.Find(r.Config.Protocol),
    };

    private static StoredRun ToStored(RunRecord record, double seconds, string versions) => new()
    {
        ConfigHash = record.ConfigHash,
        ConfigJson = record.Config.ToJson(),
        Protocol = record.Config.Protocol,
        Seed = record.Config.Seed,
        BatchSize = record.Config.BatchSize,
        Outcome = record.Verification.Outcome,
        OutcomeAfterRecovery = record.Verification.OutcomeAfterRecovery,
        STheta = record.Verification.STheta,
        Delta = record.Verification.Delta,
        BrentMaxResidual = record.Verification.BrentMaxResidual,
        CanonicalStrassen = record.Verification.CanonicalStrassen,
        RecordJson = RunCodec.Encode(record),
        GitCommit = Provenance.GitCommit,
        VersionsJson = versions,
        FinishedUtc = DateTime.UtcNow,
        Seconds = seconds,
    };
}
