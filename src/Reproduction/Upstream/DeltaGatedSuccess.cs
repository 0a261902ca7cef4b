using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

public static class DeltaGatedSuccess
{
    /// <summary>apendix_experiments.py:133, verify_checkpoints.py:155.</summary>
    public const double DeltaBelow = 0.1;

    /// <summary>apendix_experiments.py:119-120, verify_checkpoints.py:68 (n_test = 1000).</summary>
    public const int Pairs = 1000;

    /// <summary>apendix_experiments.py:141, verify_checkpoints.py:161.</summary>
    public const double RelativeErrorBelow = 1e-5;

    /// <param name="allSlots">Every slot of the model (the scripts take delta over all of U, V, W), un-rounded.</param>
    public static DeltaGatedVerdict Decide(Scheme allSlots, GaussianSource rng)
    {
        double delta = Discretizer.Delta(allSlots);
        return delta >= DeltaBelow
            ? new DeltaGatedVerdict(delta, null)
            : new DeltaGatedVerdict(delta, Float32Check.OnRandomPairs(Discretizer.Q(allSlots), Pairs, rng));
    }
}
