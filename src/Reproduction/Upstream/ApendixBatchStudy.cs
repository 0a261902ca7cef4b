using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// Experiment 2 of experiments/apendix_experiments.py (:434-448), the batch-size study behind the paper's Fig. 7: B in
/// {8, 16, 24, 32, 48, 64, 96, 128, 192, 256} x seeds {42, 123, 456, 789, 101}, 2000 epochs each, protocol
/// apendix-experiments: 50 runs, the script's own design (smoke takes 2 of its seeds and shortens the runs).
/// </summary>
public static class ApendixBatchStudy
{
    public static readonly IReadOnlyList<int> BatchSizes = [8, 16, 24, 32, 48, 64, 96, 128, 192, 256];
    public static readonly IReadOnlyList<long> Seeds = [42, 123, 456, 789, 101];
    public const int Epochs = 2000;

    /// <summary>The 50 runs; without pruning they stop where Phase 1 ends (the model the script logs S of).</summary>
    public static IEnumerable<RunConfig> Runs(StudyPreset preset, bool prune = true) =>
        BatchSizes.SelectMany(b => Seeds.Take(preset.UpstreamSeeds ?? Seeds.Count).Select(seed =>
            preset.Shaped(TrainingProtocols.ApendixExperiments(seed, b, Epochs) with { Prune = prune })));
}
