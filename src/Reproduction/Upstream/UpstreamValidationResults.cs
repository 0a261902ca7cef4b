namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The raw numbers of experiments/validation_results.json, written by experiments/validation_experiments.py (copied in
/// ../shared/upstream/experiments/; embedded here so the report compares against them without reading it).
/// </summary>
public static class UpstreamValidationResults
{
    /// <summary>
    /// noise_stability.&lt;sigma&gt;.success_rate, in NoiseStabilityTest.Sigmas order: 0.0 at every sigma.
    /// </summary>
    public static readonly IReadOnlyList<double> NoiseSuccessRate = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0];

    /// <summary>noise_stability.&lt;sigma&gt;.mean_error.</summary>
    public static readonly IReadOnlyList<double> NoiseMeanError =
        [0.44333513453661, 0.6387313769338653, 0.6678575317328795, 0.5417089328542352, 0.6178031965857371,
            0.6159024693787797];

    /// <summary>noise_stability.&lt;sigma&gt;.max_error.</summary>
    public static readonly IReadOnlyList<double> NoiseMaxError =
        [1.887613296508789, 3.9047560691833496, 4.095077991485596, 3.2347660064697266, 2.3676979541778564,
            4.268600940704346];

    /// <summary>permutation_uniqueness: 5040 permutations, the identity included, all at the same error.</summary>
    public const int Permutations = 5040;
    public const double PermutationMaxError = 0.7414124608039856, PermutationMeanError = 0.7414124291567575;
    public const bool PermutationAllEquivalent = false;

    /// <summary>grokking: the synthetic curves' grok epoch and final values.</summary>
    public const int GrokEpoch = 450;
    public const double FinalTrainLossSuccess = 0.0003355683537303254, FinalTestLossSuccess = 0.0012404505785976597;
    public const double FinalTrainLossFailure = 0.006747946999085467, FinalTestLossFailure = 0.296894819023505;
}
