using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

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
