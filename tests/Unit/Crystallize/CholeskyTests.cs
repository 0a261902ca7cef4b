using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class CholeskyTests
{
    // A = L L^T with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 4]].
    private static readonly double[] A = [4, 2, -2, 2, 10, 5, -2, 5, 21];

    [Fact]
    public void The_factor_of_a_known_product_is_its_lower_triangle()
    {
        Cholesky.Factor(A, 3).Should().Equal(2, 0, 0, 1, 3, 0, -1, 2, 4);
    }

    [Fact]
    public void Solve_returns_the_exact_solution_of_a_positive_definite_system()
    {
        // A x = b for x = (1, -2, 3).
        double[] x = [1, -2, 3];
        var b = new double[3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) b[i] += A[i * 3 + j] * x[j];
        var solved = Cholesky.Solve(A, 3, b)!;
        for (int i = 0; i < 3; i++) solved[i].Should().BeApproximately(x[i], 1e-13);
    }

    [Fact]
    public void Solve_does_not_change_its_inputs()
    {
        var a = (double[])A.Clone();
        double[] b = [1, 2, 3];
        Cholesky.Solve(a, 3, b);
        a.Should().Equal(A);
        b.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Only_the_lower_triangle_is_read()
    {
        var a = (double[])A.Clone();
        a[1] = 99;
        a[2] = -99;
        a[5] = 1e6;
        Cholesky.Solve(a, 3, [1, 2, 3]).Should().Equal(Cholesky.Solve(A, 3, [1, 2, 3]));
    }

    [Fact]
    public void A_one_by_one_system_is_a_division() =>
        Cholesky.Solve([4], 1, [6]).Should().Equal(1.5);

    [Theory]
    [InlineData(0.0)]             // singular: a zero pivot
    [InlineData(-1.0)]            // indefinite
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_matrix_that_is_not_positive_definite_has_no_solution(double corner)
    {
        double[] a = [1, 0, 0, corner];
        Cholesky.Solve(a, 2, [1, 1]).Should().BeNull();
        Cholesky.Factor(a, 2).Should().BeNull();
    }

    [Fact]
    public void A_later_pivot_that_vanishes_is_detected()
    {
        // [[1, 1], [1, 1]]: the second pivot is 1 - 1 * 1 = 0.
        Cholesky.Factor([1, 1, 1, 1], 2).Should().BeNull();
        Cholesky.Factor([1, 1, 1, 1 + 1e-9], 2).Should().NotBeNull();
    }

    [Fact]
    public void Sizes_that_do_not_fit_are_refused()
    {
        var act1 = () => Cholesky.Solve([1, 0, 0, 1], 3, [1, 1, 1]);
        act1.Should().Throw<ArgumentException>();
        var act2 = () => Cholesky.Solve([1, 0, 0, 1], 2, [1]);
        act2.Should().Throw<ArgumentException>();
    }
}
