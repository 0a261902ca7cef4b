using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>The errors of every slot permutation on one pair, the identity's among them.</summary>
public sealed record PermutationResult(int Permutations, double IdentityError, double MinError, double MaxError,
    double MeanError)
{
    /// <summary>
    /// validation_experiments.py:115, :121: "all permutations equivalent" iff the largest error is below 1e-6.
    /// </summary>
    public bool AllEquivalent => MaxError < PermutationTest.EquivalentBelow;
}
