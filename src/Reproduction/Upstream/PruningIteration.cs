using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One iteration of the pruning protocol, as validate2.py records it (:690-702).</summary>
public sealed record PruningIteration(int Iteration, double Percent, int Pruned, int Zeros, int Weights,
    double AccuracyPercent, double Delta)
{
    /// <summary>
    /// The "sparsity" the script prints: exact zeros right after pruning, before the fine-tune regrows them.
    /// </summary>
    public double Sparsity => Zeros / (double)Weights;

    /// <summary>validate2.py:706: the protocol stops (and reverts this iteration) when delta exceeds 0.1.</summary>
    public bool Collapsed => Delta > IterativePruning.DeltaAbove;
}
