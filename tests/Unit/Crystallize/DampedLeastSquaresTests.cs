using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class DampedLeastSquaresTests
{
    [Fact]
    public void A_consistent_overdetermined_system_is_solved_exactly()
    {
        // y = 2 + 3 t at t = 0, 1, 2, 3.
        var a = new double[,] { { 1, 0 }, { 1, 1 }, { 1, 2 }, { 1, 3 } };
        var x = DampedLeastSquares.Solve(a, [2, 5, 8, 11], 0)!;
        x[0].Should().BeApproximately(2, 1e-12);
        x[1].Should().BeApproximately(3, 1e-12);
    }

    [Fact]
    public void An_inconsistent_system_gets_the_least_squares_line()
    {
        // Points (0, 0), (1, 1), (2, 1): the least-squares line is 1/6 + t/2.
        var a = new double[,] { { 1, 0 }, { 1, 1 }, { 1, 2 } };
        var x = DampedLeastSquares.Solve(a, [0, 1, 1], 0)!;
        x[0].Should().BeApproximately(1.0 / 6, 1e-12);
        x[1].Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Damping_shrinks_the_solution_towards_zero()
    {
        var a = new double[,] { { 1, 0 }, { 0, 2 } };
        var x = DampedLeastSquares.Solve(a, [3, 4], 1)!;
        x[0].Should().BeApproximately(3 / 2.0, 1e-12);  // (1 + 1) x = 3
        x[1].Should().BeApproximately(8 / 5.0, 1e-12);  // (4 + 1) x = 2 * 4
    }

    [Fact]
    public void A_rank_deficient_system_needs_damping_and_then_gets_the_least_norm_solution()
    {
        var a = new double[,] { { 1, 1 } };
        DampedLeastSquares.Solve(a, [2], 0).Should().BeNull();
        var x = DampedLeastSquares.Solve(a, [2], 1e-10)!;
        x[0].Should().BeApproximately(1, 1e-8);
        x[1].Should().BeApproximately(1, 1e-8);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    public void A_negative_or_undefined_damping_is_refused(double damping)
    {
        var act = () => DampedLeastSquares.Solve(new double[,] { { 1 } }, [1], damping);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_right_hand_side_of_the_wrong_length_is_refused()
    {
        var act = () => DampedLeastSquares.Solve(new double[,] { { 1 }, { 2 } }, [1], 0);
        act.Should().Throw<ArgumentException>();
    }
}
