using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class RankOneFactorTests
{
    [Fact]
    public void A_rank_one_matrix_gives_its_unit_directions_with_positive_largest_entries()
    {
        // (-1, 2)^T (3, 0, -4): a 2 x 3 matrix.
        double[] m = [-3, 0, 4, 6, 0, -8];
        var one = RankOneFactor.Of(m, 2, 3, 1e-9)!;
        one.Left[0].Should().BeApproximately(-1 / Math.Sqrt(5), 1e-15);
        one.Left[1].Should().BeApproximately(2 / Math.Sqrt(5), 1e-15);
        one.Right[0].Should().BeApproximately(-0.6, 1e-15);
        one.Right[1].Should().Be(0);
        one.Right[2].Should().BeApproximately(0.8, 1e-15);
    }

    [Fact]
    public void A_rank_two_matrix_is_not_rank_one()
    {
        RankOneFactor.Of([1, 0, 0, 1], 2, 2, 1e-4).Should().BeNull();
    }

    [Fact]
    public void The_tolerance_is_relative_to_the_largest_entry_and_inclusive()
    {
        // [[4, 2], [2, 1 + d]]: cross approximation from the pivot 4 leaves d at (1, 1).
        RankOneFactor.Of([4, 2, 2, 1.5], 2, 2, 0.125).Should().NotBeNull();
        RankOneFactor.Of([4, 2, 2, 1.5], 2, 2, Math.BitDecrement(0.125)).Should().BeNull();
        RankOneFactor.Of([-4, 2, 2, -0.5], 2, 2, 0.125).Should().NotBeNull();
    }

    [Fact]
    public void The_zero_matrix_has_no_direction()
    {
        RankOneFactor.Of([0, 0, 0, 0], 2, 2, 1).Should().BeNull();
    }

    [Fact]
    public void A_single_row_is_always_rank_one()
    {
        var one = RankOneFactor.Of([0, -2, 1], 1, 3, 0)!;
        one.Left.Should().Equal(1);
        one.Right[1].Should().BeApproximately(2 / Math.Sqrt(5), 1e-15);
    }

    [Fact]
    public void Entries_that_do_not_fill_the_matrix_are_refused()
    {
        var act = () => RankOneFactor.Of([1, 2, 3], 2, 2, 0);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_direction_is_the_unit_vector_with_its_largest_entry_positive()
    {
        var d = RankOneFactor.Direction([3, -4]);
        d[0].Should().BeApproximately(-0.6, 1e-15);
        d[1].Should().BeApproximately(0.8, 1e-15);
        RankOneFactor.Direction([-3, 0]).Should().Equal(1, 0);
    }
}
