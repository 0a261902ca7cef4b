namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The failure analysis behind C10 in experiments/extended_experiments/all_test_extended_results.txt (the console log
/// of all_test_extended.py's experiment_failure_analysis, :1026-1086; copied in ../shared/upstream/). The task is
/// scalar multiplication modulo 67 with one-hot inputs and cross-entropy, "test" accuracy measured on the training set
/// (:1042-1047), not 2x2 matrix multiplication.
/// </summary>
public static class UpstreamFailureLog
{
    /// <summary>"SUMMARY: Best test accuracy" of failure_analysis_seed0..49, lines 807-1444, in seed order.</summary>
    public static readonly IReadOnlyList<double> BestAccuracy =
    [
        0.872, 0.9812, 1.0, 1.0, 0.8776, 0.9738, 0.9542, 1.0, 0.998, 0.8312,
        0.9892, 0.9902, 0.938, 0.9458, 0.9878, 0.7726, 0.781, 0.953, 0.9626, 0.9936,
        1.0, 1.0, 0.9832, 0.89, 0.8978, 0.9848, 0.998, 0.9308, 0.9966, 0.8138,
        0.7548, 1.0, 1.0, 1.0, 0.9984, 0.9656, 0.8264, 1.0, 0.9186, 0.8956,
        0.8558, 0.9872, 0.9376, 0.7636, 0.8782, 0.7776, 0.9308, 0.7622, 0.8856, 0.9274,
    ];

    /// <summary>all_test_extended.py:1049: success iff the best "test" accuracy exceeds 0.95.</summary>
    public const double SuccessAbove = 0.95;

    /// <summary>Line 1450: "Collected 26 successes and 24 failures".</summary>
    public const int LoggedSuccesses = 26, LoggedFailures = 24;

    /// <summary>
    /// Line 1452: mean kappa of the failed and the successful runs (kappa = lambda_max / 1e-10, :436-440).
    /// </summary>
    public const double LoggedFailureKappa = 18185934843.50, LoggedSuccessKappa = 6654663773.03;
}
