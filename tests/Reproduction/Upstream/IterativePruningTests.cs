using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validate2.py's iterative pruning (:437-757). Its log on strassen_exact.pt (experiments/extended_experiments/
/// results.txt:102-221): pruned 0, 13, 17, 21, 25, 30, 34, 38, 42, 46, 50 weights at 10..60%; sparsity 57.14%
/// (Strassen's own 48 zeros), then 15.48 ... 54.76% at 100% accuracy, 59.52% at 0% (delta 100), reverted: final
/// sparsity 0.00%.
/// </summary>
[Trait("Category", "Fast")]
public class IterativePruningTests
{
    private static readonly int[] LoggedPruned = [0, 13, 17, 21, 25, 30, 34, 38, 42, 46, 50];

    [Fact]
    public void Prune_keeps_magnitudes_at_or_above_the_linear_percentile()
    {
        // |w| sorted: 0, 0, 1, 2, 3; the 50th percentile is 1 (position 2): the two zeros are "pruned" again.
        float[] w = [3, 0, -1, 2, 0];
        IterativePruning.Prune(w, 50).Should().Be(2);
        w.Should().Equal(3, 0, -1, 2, 0);
        // 60th percentile: position 2.4 -> 1.4: -1 goes too.
        IterativePruning.Prune(w, 60).Should().Be(3);
        w.Should().Equal(3, 0, 0, 2, 0);
        // 10th percentile of Strassen's magnitudes is 0: nothing is strictly below it.
        var strassen = new Float32Scheme(KnownSchemes.Strassen()).Weights;
        IterativePruning.Prune(strassen, 10).Should().Be(0);
    }

    [Fact]
    public void On_canonical_Strassen_the_run_is_the_logged_one()
    {
        var run = IterativePruning.Run(KnownSchemes.Strassen(), new GaussianSource(624));
        run.BaselineAccuracy.Should().Be(100);
        run.Iterations.Select(i => i.Pruned).Should().Equal(LoggedPruned);
        run.Iterations[0].Zeros.Should().Be(48, "iteration 1 prunes nothing: the 'sparsity' is Strassen's own zeros");
        run.Iterations[0].Sparsity.Should().BeApproximately(0.5714, 5e-5);
        run.Iterations.Skip(1).Select(i => i.Zeros).Should()
            .Equal(LoggedPruned.Skip(1), "the fine-tune regrew every zero");
        run.LastIntact!.Sparsity.Should().BeApproximately(0.5476, 5e-5);
        run.Collapse!.Iteration.Should().Be(11);
        run.Collapse.Sparsity.Should().BeApproximately(0.5952, 5e-5);
        run.Collapse.Delta.Should().BeGreaterThan(IterativePruning.DeltaAbove);
        run.FinalSparsity.Should().Be(0, "the collapsed iteration is reverted to the regrown, dense weights");
    }
}
