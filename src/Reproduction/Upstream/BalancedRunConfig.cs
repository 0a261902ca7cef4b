using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One configuration of the balanced runs (its index is the run_idx that seeds it).</summary>
public sealed record BalancedRunConfig(int Index, double Lr, double WeightDecay, int BatchSize)
{
    /// <summary>validate2.py:1023: torch.manual_seed(42 + run_idx).</summary>
    public RunConfig Run() => TrainingProtocols.Validate2(42 + Index, BatchSize, Lr, WeightDecay);
}
