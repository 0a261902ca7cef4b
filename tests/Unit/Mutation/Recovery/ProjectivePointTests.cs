using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class ProjectivePointTests
{
    [Fact]
    public void The_dot_product_sums_the_products_of_the_coordinates()
    {
        new ProjectivePoint(2, 3).Dot(new ProjectivePoint(5, 7)).Should().Be(31);
    }

    [Fact]
    public void The_sine_between_two_lines_does_not_depend_on_the_length_of_the_vectors()
    {
        new ProjectivePoint(2, 0).SineTo(new ProjectivePoint(0, 3)).Should().BeApproximately(1, 1e-15);
        new ProjectivePoint(4, 0).SineTo(new ProjectivePoint(3, 3)).Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
    }

    [Fact]
    public void The_mean_line_of_two_opposite_facing_vectors_flips_the_second_one_first()
    {
        // (-1, 0.2) is the line through (1, -0.2): the mean of (1, 0) and (1, -0.2), normalised.
        var mean = new ProjectivePoint(1, 0).MeanLine(new ProjectivePoint(-1, 0.2));
        var expected = new ProjectivePoint(2, -0.2).Normalized();
        mean.X.Should().BeApproximately(expected.X, 1e-15);
        mean.Y.Should().BeApproximately(expected.Y, 1e-15);
    }

    [Fact]
    public void The_mean_line_of_two_vectors_facing_the_same_way_is_their_normalised_sum()
    {
        var mean = new ProjectivePoint(1, 0).MeanLine(new ProjectivePoint(1, 0.2));
        var expected = new ProjectivePoint(2, 0.2).Normalized();
        mean.X.Should().BeApproximately(expected.X, 1e-15);
        mean.Y.Should().BeApproximately(expected.Y, 1e-15);
    }

    [Fact]
    public void The_mean_line_of_two_perpendicular_vectors_keeps_the_second_vector_as_it_is()
    {
        // Dot = 0 is not "facing away": no flip, so the mean is the diagonal (1, 1), not (1, -1).
        var mean = new ProjectivePoint(1, 0).MeanLine(new ProjectivePoint(0, 1));
        mean.X.Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
        mean.Y.Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
    }
}
