using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The design of experiments/statistics/rigorous_experiment.py (run_full_experiment, :269-303): B in {8, 16, 32, 64,
/// 128} x seeds 0..4 x 3 runs, protocol rigorous-experiment. The 3 runs of a seed are one computation (the data seeding
/// at :133 overwrites the run seed before the model is built, :178-189), so 25 runs are trained and each stands for 3.
/// </summary>
public static class RigorousStudy
{
    public static readonly IReadOnlyList<int> BatchSizes = [8, 16, 32, 64, 128];
    public static readonly IReadOnlyList<long> Seeds = [0, 1, 2, 3, 4];

    /// <summary>rigorous_experiment.py:272 (n_runs_per_seed = 3).</summary>
    public const int RunsPerSeed = 3;

    public static IEnumerable<RunConfig> Runs(StudyPreset preset) =>
        BatchSizes.SelectMany(b => Seeds.Take(preset.UpstreamSeeds ?? Seeds.Count)
            .Select(seed => preset.Shaped(TrainingProtocols.RigorousExperiment(seed, b))));
}
