using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class SchemeSymmetryTests
{
    private static readonly double[,] P3 = { { 1, 2, 0 }, { 0, 1, 0 }, { 0, -1, 1 } };
    private static readonly double[,] Q3 = { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } };
    private static readonly double[,] R3 = { { 1, 0, 0 }, { 3, 1, 0 }, { 0, 0, -1 } };

    [Fact]
    public void A_basis_change_of_the_naive_3x3_scheme_by_unimodular_3x3_matrices_stays_integral_and_valid()
    {
        var naive = KnownSchemes.Naive(new Shape(3, 3, 3));
        var moved = SchemeSymmetry.ChangeBasis(naive, P3, Q3, R3);
        moved.IsIntegral.Should().BeTrue();
        BrentCheck.Exact(moved).IsValid.Should().BeTrue();
        moved.Coefficients().Should().NotEqual(naive.Coefficients(), "the basis change moves the coefficients");
    }

    [Fact]
    public void Changing_the_basis_and_back_by_the_inverses_gives_the_scheme_again()
    {
        var naive = KnownSchemes.Naive(new Shape(3, 3, 3));
        var there = SchemeSymmetry.ChangeBasis(naive, P3, Q3, R3);
        var back = SchemeSymmetry.ChangeBasis(there, SchemeSymmetry.Inverse(P3), SchemeSymmetry.Inverse(Q3), SchemeSymmetry.Inverse(R3));
        back.Coefficients().Zip(naive.Coefficients()).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_inverse_times_the_matrix_is_the_identity(int n)
    {
        // A matrix whose largest entry in column 0 is not on the diagonal, so pivoting is exercised.
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = i == j ? 2 : (i + 2 * j) % 5 - 1.5;
        a[n - 1, 0] = 7;
        var inv = SchemeSymmetry.Inverse(a);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++) sum += a[i, k] * inv[k, j];
                sum.Should().BeApproximately(i == j ? 1 : 0, 1e-12, $"entry ({i},{j})");
            }
    }

    [Fact]
    public void Among_equally_large_pivots_the_first_row_is_taken_and_this_unimodular_inverse_is_exact()
    {
        // Column 0 has two candidates of magnitude 4; pivoting on the later one gives entries like 1.9999999999999991.
        var a = new double[,] { { 4, 0, 1 }, { 4, -1, 0 }, { 1, 2, 2 } };
        SchemeSymmetry.Inverse(a).Should().BeEquivalentTo(new double[,] { { -2, 2, 1 }, { -8, 7, 4 }, { 9, -8, -4 } });
    }

    [Fact]
    public void A_pivot_of_exactly_1e_300_is_still_inverted()
    {
        var inv = SchemeSymmetry.Inverse(new double[,] { { 1e-300, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
        inv[0, 0].Should().Be(1 / 1e-300);
        inv[1, 1].Should().Be(1);
    }

    [Fact]
    public void A_basis_change_multiplies_U_by_P_and_V_by_Q_and_divides_W_by_P()
    {
        // 1x1x1: U' = U P Q^-1, V' = V Q R^-1, W' = W R / P; signs are checked too, not only the product U V W.
        var s = new Scheme(new Shape(1, 1, 1), 1, [2], [3], [5]);
        var moved = SchemeSymmetry.ChangeBasis(s, new double[,] { { 2 } }, new double[,] { { 1 } }, new double[,] { { 1 } });
        moved.Coefficients().Should().Equal(4, 3, 2.5);
    }

    [Fact]
    public void A_3x3_inverse_of_a_unimodular_integer_matrix_is_integral()
    {
        var inv = SchemeSymmetry.Inverse(P3);
        inv.Should().BeEquivalentTo(new double[,] { { 1, -2, 0 }, { 0, 1, 0 }, { 0, 1, 1 } });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_singular_matrix_has_no_inverse(int n)
    {
        var a = new double[n, n];
        for (int j = 0; j < n; j++) { a[0, j] = j + 1; a[1, j] = 2 * (j + 1); }
        for (int i = 2; i < n; i++) a[i, i] = 1;
        var act = () => SchemeSymmetry.Inverse(a);
        act.Should().Throw<ArgumentException>().WithMessage("*singular*");
    }

    [Fact]
    public void A_non_finite_2x2_determinant_is_refused()
    {
        var act = () => SchemeSymmetry.Inverse(new double[,] { { double.MaxValue, 1 }, { -1, double.MaxValue } });
        act.Should().Throw<ArgumentException>().WithMessage("*singular*");
    }

    [Fact]
    public void A_non_square_matrix_has_no_inverse()
    {
        var act = () => SchemeSymmetry.Inverse(new double[2, 3]);
        act.Should().Throw<ArgumentException>().WithMessage("*not square*");
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 5 })]
    public void A_slot_list_that_is_not_a_permutation_is_refused(int[] order)
    {
        var act = () => SchemeSymmetry.PermuteSlots(KnownSchemes.Strassen(), order);
        act.Should().Throw<ArgumentException>().WithMessage("*permutation*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_sign_gauge_negates_exactly_the_two_other_factors_of_the_slot(int keep)
    {
        var s = KnownSchemes.Strassen();
        var g = SchemeSymmetry.SignGauge(s, 3, keep);
        BrentCheck.Exact(g).IsValid.Should().BeTrue();
        g.URow(3).ToArray().Should().Equal(s.URow(3).ToArray().Select(x => keep == 0 ? x : -x));
        g.VRow(3).ToArray().Should().Equal(s.VRow(3).ToArray().Select(x => keep == 1 ? x : -x));
        g.WColumn(3).ToArray().Should().Equal(s.WColumn(3).ToArray().Select(x => keep == 2 ? x : -x));
        for (int r = 0; r < 7; r++)
            if (r != 3) g.URow(r).ToArray().Should().Equal(s.URow(r).ToArray());
    }

    [Fact]
    public void Scaling_a_slot_divides_its_W_column_by_the_product_of_the_scales()
    {
        var s = KnownSchemes.Strassen();
        var g = SchemeSymmetry.ScaleSlot(s, 0, 2, -4);
        g.URow(0).ToArray().Should().Equal(s.URow(0).ToArray().Select(x => 2 * x));
        g.VRow(0).ToArray().Should().Equal(s.VRow(0).ToArray().Select(x => -4 * x));
        g.WColumn(0).ToArray().Should().Equal(s.WColumn(0).ToArray().Select(x => x / -8));
        g.URow(1).ToArray().Should().Equal(s.URow(1).ToArray());
    }

    [Fact]
    public void The_Kronecker_product_of_rectangular_schemes_multiplies_shapes_and_ranks()
    {
        var k = SchemeSymmetry.Kronecker(KnownSchemes.Naive(new Shape(1, 2, 3)), KnownSchemes.Naive(new Shape(2, 1, 2)));
        k.Shape.Should().Be(new Shape(2, 2, 6));
        k.Rank.Should().Be(6 * 4);
        BrentCheck.Exact(k).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_transpose_of_a_transpose_is_the_scheme_again()
    {
        var s = SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), new double[,] { { 1, 1 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 1, 1 } }, new double[,] { { 0, 1 }, { 1, 0 } });
        SchemeSymmetry.Transpose(SchemeSymmetry.Transpose(s)).Coefficients().Should().Equal(s.Coefficients());
        BrentCheck.Exact(SchemeSymmetry.Transpose(s)).IsValid.Should().BeTrue();
    }
}
