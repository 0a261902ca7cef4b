using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The whole protocol: its iterations and the sparsity it ends with (after reverting the collapsed one).
/// </summary>
public sealed record PruningRun(double BaselineAccuracy, IReadOnlyList<PruningIteration> Iterations,
    double FinalSparsity)
{
    /// <summary>The last iteration that did not collapse (the largest sparsity the basin "survived").</summary>
    public PruningIteration? LastIntact => Iterations.LastOrDefault(i => !i.Collapsed);

    public PruningIteration? Collapse => Iterations.FirstOrDefault(i => i.Collapsed);
}
