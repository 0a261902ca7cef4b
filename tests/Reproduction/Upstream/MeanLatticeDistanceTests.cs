using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>rigorous_experiment.py's "discretization error" (:143-154): a mean distance to {-1, 0, 1}.</summary>
[Trait("Category", "Fast")]
public class MeanLatticeDistanceTests
{
    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(0.7, 0.3)]
    [InlineData(-0.5, 0.5)]
    [InlineData(-1.4, 0.4)]
    [InlineData(2.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void Distance_is_to_the_nearest_of_minus_1_0_1(double x, double expected) =>
        MeanLatticeDistance.Distance(x).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void Of_is_the_mean_of_the_three_tensors_means()
    {
        // One slot: U entries at distance 0.1, V at 0.4, W at 0.2: (0.1 + 0.4 + 0.2) / 3.
        var s = Scheme.FromRows(Shape.Square2, [[0.1, -0.1, 0.9, 1.1]], [[0.6, 0.4, -0.6, 1.4]],
            [[1.2], [0.2], [-0.8], [-0.2]]);
        MeanLatticeDistance.Of(s).Should().BeApproximately(0.7 / 3, 1e-12);
        MeanLatticeDistance.Of(KnownSchemes.Strassen()).Should().Be(0);
    }

    [Fact]
    public void It_is_not_delta_a_single_far_coefficient_barely_moves_it()
    {
        var s = KnownSchemes.Strassen().Map(x => x == 1 ? 0.5 : x);
        Discretizer.Delta(s).Should().Be(0.5);
        MeanLatticeDistance.Of(s).Should().BeLessThan(0.5);
    }
}
