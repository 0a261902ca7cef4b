using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class RankOneDirectionsTests
{
    [Fact]
    public void The_ratio_of_a_general_matrix_is_its_smaller_over_its_larger_singular_value()
    {
        // [[3, 0], [4, 5]]: M^T M = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so sigma2 / sigma1 = 1/3.
        RankOneDirections.Of([3, 0, 4, 5]).Ratio.Should().BeApproximately(1.0 / 3, 1e-15);
    }

    [Theory]
    [InlineData(4, 2, 0.5)]
    [InlineData(0.5, 2, 0.25)]
    [InlineData(-3, 6, 0.5)]
    public void The_ratio_of_a_diagonal_matrix_is_the_ratio_of_its_diagonal_magnitudes(double a, double d, double expected)
    {
        RankOneDirections.Of([a, 0, 0, d]).Ratio.Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void The_directions_of_a_general_matrix_are_its_dominant_singular_vectors()
    {
        // [[3, 0], [4, 5]]: the dominant right singular vector is (1, 1), the left one M (1, 1) = (3, 9) ~ (1, 3).
        var d = RankOneDirections.Of([3, 0, 4, 5]);
        d.Right.SineTo(new ProjectivePoint(1, 1)).Should().BeLessThan(1e-12);
        d.Left.SineTo(new ProjectivePoint(1, 3)).Should().BeLessThan(1e-12);
    }
}
