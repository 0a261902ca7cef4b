using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// What src/training/train_strassen.py says about one run. LearnedPasses: Q of all slots (the pruned one at 0,
/// :183-208) multiplies 10000 fresh float32 pairs with max |C_pred - C_true| &lt; 1e-5 (:260-296), no delta gate.
/// FallbackPasses: canonical Strassen passes the same test; the script then replaces the failed run's coefficients by
/// it and overwrites its success (:318-323), so what it reports, ScriptReports, is a success whenever either passes.
/// </summary>
public sealed record TrainStrassenVerdict(double MaxError, bool LearnedPasses, bool FallbackPasses)
{
    public bool ScriptReports => LearnedPasses || FallbackPasses;

    /// <summary>Reported only thanks to the fallback: a failure by claims.md, a success by the script.</summary>
    public bool OnlyByFallback => !LearnedPasses && FallbackPasses;
}

/// <summary>The success test of train_strassen.py (:260-296, threshold at :291) with its fallback (:318-329).</summary>
public static class TrainStrassenSuccess
{
    /// <summary>train_strassen.py:267 (n_test = 10000).</summary>
    public const int Pairs = 10000;

    /// <summary>train_strassen.py:291: absolute, not relative.</summary>
    public const double MaxErrorBelow = 1e-5;

    /// <param name="allSlots">The run's final weights, every slot (the pruned one at 0), un-rounded.</param>
    public static TrainStrassenVerdict Decide(Scheme allSlots, GaussianSource rng)
    {
        double learned = Float32Check.OnRandomPairs(Discretizer.Q(allSlots), Pairs, rng).MaxAbsError;
        // The fallback is only taken after a failure; its test draws fresh pairs (:320-323).
        bool fallback = learned < MaxErrorBelow
            || Float32Check.OnRandomPairs(KnownSchemes.Strassen(), Pairs, rng).MaxAbsError < MaxErrorBelow;
        return new TrainStrassenVerdict(learned, learned < MaxErrorBelow, learned >= MaxErrorBelow && fallback);
    }
}
