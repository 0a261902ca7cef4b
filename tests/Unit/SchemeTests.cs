using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class SchemeTests
{
    [Fact]
    public void A_scheme_refuses_a_NaN_coefficient()
    {
        var act = () => KnownSchemes.Strassen().Map(x => x == -1 ? double.NaN : x);
        act.Should().Throw<SchemeFormatException>().WithMessage("*non-finite*");
    }

    [Fact]
    public void A_scheme_refuses_rows_of_the_wrong_width()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[2] = [1, 0, 0];
        var act = () => Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        act.Should().Throw<SchemeFormatException>().WithMessage("*U row 2*");
    }

    [Fact]
    public void The_tensor_has_one_entry_per_scalar_product()
    {
        var t = MatMulTensor.Dense(new Shape(2, 3, 4));
        t.Sum().Should().Be(2 * 3 * 4);
        MatMulTensor.Entry(Shape.Square2, x: 1, y: 2, z: 0).Should().Be(1); // a12 b21 -> c11
        MatMulTensor.Entry(Shape.Square2, x: 1, y: 0, z: 0).Should().Be(0); // a12 b11 -> nothing
    }

    [Fact]
    public void Transpose_symmetry_maps_a_rectangular_scheme_to_a_valid_scheme_of_the_transposed_shape()
    {
        var t = SchemeSymmetry.Transpose(KnownSchemes.Naive(new Shape(2, 3, 4)));
        t.Shape.Should().Be(new Shape(4, 3, 2));
        BrentCheck.Exact(t).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_Kronecker_square_of_Strassen_is_a_valid_4x4_rank_49_scheme()
    {
        var s2 = SchemeSymmetry.Kronecker(KnownSchemes.Strassen(), KnownSchemes.Strassen());
        s2.Shape.Should().Be(new Shape(4, 4, 4));
        s2.Rank.Should().Be(49);
        BrentCheck.Exact(s2).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_basis_change_by_unimodular_matrices_keeps_Strassen_integral_and_valid()
    {
        double[,] p = { { 1, 1 }, { 0, 1 } }, q = { { 1, 0 }, { -1, 1 } }, r = { { 0, 1 }, { 1, 0 } };
        var moved = SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), p, q, r);
        moved.IsIntegral.Should().BeTrue();
        BrentCheck.Exact(moved).IsValid.Should().BeTrue();
        CanonicalForm.IsStrassen(moved).Should().BeFalse();
    }

    [Fact]
    public void The_exact_check_needs_integer_coefficients()
    {
        var act = () => BrentCheck.Exact(KnownSchemes.Strassen().Map(x => x * 0.5));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Huge_integer_coefficients_are_checked_exactly_with_big_integers()
    {
        // 2^40 in U, V and W of slot 0: the sum for (a11, b11, c11) is 2^120, past 64-bit integers.
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][0] = 1L << 40;
        var v = s.VRows();
        v[0][0] = 1L << 40;
        var w = s.WRows();
        w[0][0] = 1L << 40;
        var result = BrentCheck.Exact(Scheme.FromRows(s.Shape, u, v, w));
        result.IsValid.Should().BeFalse();
        result.FirstViolation!.Value.Actual.Should().Be((System.Numerics.BigInteger.Pow(2, 120) + 0).ToString());
    }

    [Fact]
    public void The_max_residual_of_an_exact_scheme_is_zero_and_grows_with_a_perturbation()
    {
        BrentCheck.MaxResidual(KnownSchemes.Strassen()).Should().Be(0);
        var perturbed = KnownSchemes.Strassen().Map(x => x == 1 ? 1.001 : x);
        BrentCheck.MaxResidual(perturbed).Should().BeInRange(1e-3, 1e-2);
    }

    [Fact]
    public void A_scheme_valid_only_mod_2_is_rejected_over_Z()
    {
        var s = KnownSchemes.Strassen();
        var w = s.WRows();
        w[0][0] = 3; // 3 = 1 mod 2
        var modTwoOnly = Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
        BrentCheck.Exact(modTwoOnly, Ring.F2).IsValid.Should().BeTrue();
        BrentCheck.Exact(modTwoOnly, Ring.Z).IsValid.Should().BeFalse();
    }
}
