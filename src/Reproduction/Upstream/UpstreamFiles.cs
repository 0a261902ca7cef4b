using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The upstream files this folder re-executes or reads (grisuno/strass_strassen at Model's ProtocolSource.Commit;
/// docs/upstream-map.md section 0 lists every short name).
/// </summary>
public static class UpstreamFiles
{
    public const string TrainStrassen = "src/training/train_strassen.py";
    public const string Apendix = "experiments/apendix_experiments.py";
    public const string Validation = "experiments/validation_experiments.py";
    public const string VerifyCheckpoints = "experiments/verify_checkpoints.py";
    public const string Rigorous = "experiments/statistics/rigorous_experiment.py";
    public const string Validate2 = "experiments/extended_experiments/validate2.py";
    public const string RunAll = "experiments/extended_experiments/run_all_experiments.py";
    public const string AllTestExtended = "experiments/extended_experiments/all_test_extended.py";
    public const string CacheAnalysis = "experiments/cache_analysis_v2.py";

    // Result files (copied unchanged into ../shared/upstream/experiments/ for reading; never read by code).
    public const string ValidationResults = "experiments/validation_results.json";
    public const string AllExperimentsResults = "experiments/extended_experiments/all_experiments_results.json";
    public const string Validate2Log = "experiments/extended_experiments/results.txt";
    public const string AllTestExtendedLog = "experiments/extended_experiments/all_test_extended_results.txt";
    public const string CacheResults = "experiments/cache_analysis_results.json";

    /// <summary>The long paper (its README is the same text).</summary>
    public const string Paper = "paper/algorithmic_invariance.md";

    public static Citation At(string path, string lines) => new(path, lines);
}
