using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;
using StrassenRepro.Reproduction.Upstream.Traces;

namespace StrassenRepro.Reproduction;

/// <summary>
/// The main job: plan the runs the chosen claims need, train what the store lacks, evaluate every claim on
/// the stored runs, and write the report. The store (OUT/runs.db) survives a crash; the report is rebuilt
/// from it at any time (`report`).
/// </summary>
public static class Reproducer
{
    public const string DatabaseFile = "runs.db";

    public static string DatabasePath(string outDir) => Path.Combine(outDir, DatabaseFile);

    /// <summary>Runs the sweep and writes the report; a cancelled token ends it in SweepInterruptedException.</summary>
    public static EvaluatedReport Run(ReproduceOptions o, IProgress<SweepProgress>? progress = null,
        CancellationToken cancel = default)
    {
        OutputFolder.Prepare(o.OutDir);
        // Held until the report is written: a second reproduce on this --out is refused, not run alongside.
        using var storeLock = StoreLock.Acquire(DatabasePath(o.OutDir));
        using var store = RunStore.Open(DatabasePath(o.OutDir));
        var planned = SweepRunner.Canonical(Plan(o.Claims, o.Preset));
        ClaimStore(store, planned, o.Preset.Name, o.Resume);
        try
        {
            var sweep = new SweepRunner(store, o.Preset.PopulationSize, o.Threads, o.Engine);
            sweep.Run(planned, o.Shard, progress, cancel);
            cancel.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            var mine = SweepRunner.ShardOf(planned, o.Shard);
            var stored = store.StoredHashes();
            throw new SweepInterruptedException(store.Path, mine.Count(c => stored.Contains(c.Hash())), mine.Count);
        }
        try
        {
            return WriteReport(store, o.Preset, o.Claims, o.OutDir, o.Checkpoints);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The runs are safe; say so, and how to get the report once the problem is fixed.
            string why = OutputFolder.Explain(Path.GetFullPath(o.OutDir), e);
            throw new ReproductionException($"{store.Count} runs are stored in {store.Path}, but the report could "
                + $"not be written ({why}); rebuild it with: strassen-repro report --db {store.Path} --out {o.OutDir}");
        }
    }

    /// <summary>
    /// Takes a store for a study: refuses one that already holds runs of the plan unless resuming, or that holds
    /// another study; then records the study's name.
    /// </summary>
    public static void ClaimStore(RunStore store, IReadOnlyList<Model.RunConfig> planned, string study, bool resume)
    {
        int alreadyStored = planned.Count(c => store.Contains(c.Hash()));
        if (alreadyStored > 0 && !resume)
            throw new ArgumentException($"{store.Path} already holds {alreadyStored} runs of this plan; pass --resume to continue it, or choose another --out");
        string? storedPreset = store.GetMeta(RunStore.StudyPresetKey);
        if (storedPreset is not null && storedPreset != study)
            throw new ArgumentException($"{store.Path} holds a '{storedPreset}' sweep, not '{study}'");
        store.SetMeta(RunStore.StudyPresetKey, study);
    }

    /// <summary>Evaluates the claims on a store's runs and writes the report to outDir.</summary>
    public static EvaluatedReport WriteReport(RunStore store, StudyPreset preset, IReadOnlyList<IClaim> claims,
        string outDir, CheckpointInputs? checkpoints = null)
    {
        var stored = store.All();
        var claimContext = ContextOf(stored, preset, checkpoints);
        var results = Evaluate(claimContext, claims);
        var findings = StudyFindings.Of(claimContext, results);
        var scope = ScopeOf(store, preset, claims);
        var context = new ReportContext(preset.Name, store.Path, store.Count, Provenance.GitCommit, Provenance.Versions,
            DateTime.UtcNow, scope,
            stored.Count == 0 ? null : string.Join(";", stored.Select(r => r.GitCommit).Distinct().Order(StringComparer.Ordinal)));
        ReportWriter.Write(outDir, context, results, findings);
        // Every stored run, with the train command that re-trains it alone: the table a reader can check row by row.
        AtomicFile.WriteAllText(Path.Combine(outDir, RunsTable.File), RunsTable.ToCsv(RunsTable.Of(stored, preset)));
        return new EvaluatedReport(results, scope, findings);
    }

    /// <summary>How much of the claims' plan the store holds (all, or a shard's part), under which preset.</summary>
    public static ReportScope ScopeOf(RunStore store, StudyPreset preset, IReadOnlyList<IClaim> claims)
    {
        var planned = SweepRunner.Canonical(Plan(claims, preset));
        var stored = store.StoredHashes();
        return new ReportScope(preset.Name, planned.Count, planned.Count(c => stored.Contains(c.Hash())));
    }

    /// <summary>
    /// The runs the claims need: their own designs and the re-executions of the upstream scripts behind them.
    /// </summary>
    public static IEnumerable<RunConfig> Plan(IReadOnlyList<IClaim> claims, StudyPreset preset) =>
        ClaimCatalog.Plan(claims, preset).Concat(OriginCatalog.Plan(claims, preset));

    /// <summary>Each claim's verdict, with where the paper's numbers come from beside it.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(RunStore store, StudyPreset preset, IReadOnlyList<IClaim> claims,
        CheckpointInputs? checkpoints = null) => Evaluate(ContextOf(store.All(), preset, checkpoints), claims);

    private static ClaimContext ContextOf(IReadOnlyList<StoredRun> stored, StudyPreset preset, CheckpointInputs? checkpoints) =>
        new(preset, stored.ToDictionary(r => r.ConfigHash, r => RunCodec.Decode(r.RecordJson)), checkpoints);

    private static IReadOnlyList<ClaimResult> Evaluate(ClaimContext context, IReadOnlyList<IClaim> claims)
    {
        return claims.Select(c =>
        {
            var origin = OriginCatalog.For(c.Id).Trace(context);
            return c.Evaluate(context) with
            {
                Origin = origin.Origin,
                OriginTables = origin.Tables,
                OriginNotes = origin.Notes
            };
        }).ToList();
    }

    /// <summary>The preset a store was filled with (recorded by reproduce).</summary>
    public static StudyPreset PresetOf(RunStore store) =>
        StudyPreset.ByName(store.GetMeta(RunStore.StudyPresetKey)
            ?? throw new RunStoreException($"{store.Path}: no preset recorded (not made by reproduce)"));

    /// <summary>Claim ids left out of this evaluation (by --claims): they get no verdict here.</summary>
    public static IReadOnlyList<string> NotEvaluated(IReadOnlyList<IClaim> claims) =>
        ClaimCatalog.AllIds.Where(id => claims.All(c => c.Id != id)).ToList();
}
