using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class RationalSchemeTests
{
    /// <summary>Strassen with the first row of A (and of C) scaled by 2: U doubles there, W halves.</summary>
    internal static Scheme StrassenWithHalves()
    {
        var s = KnownSchemes.Strassen();
        var p = new[,] { { 2.0, 0 }, { 0, 1 } };
        var identity = new[,] { { 1.0, 0 }, { 0, 1 } };
        return SchemeSymmetry.ChangeBasis(s, p, identity, identity);
    }

    [Fact]
    public void An_integer_scheme_is_integral_and_a_halved_one_is_not()
    {
        RationalScheme.FromDyadic(KnownSchemes.Strassen())!.IsIntegral.Should().BeTrue();
        var halves = RationalScheme.FromDyadic(StrassenWithHalves())!;
        halves.IsIntegral.Should().BeFalse();
        halves.W(0, 0).Should().Be(new Fraction(1, 2));
    }

    [Fact]
    public void A_scheme_with_a_coefficient_beyond_the_bound_has_no_exact_form()
    {
        var s = KnownSchemes.Strassen();
        var w = s.WRows();
        w[3][6] = 1.0 / 2048;
        var scheme = Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
        RationalScheme.FromDyadic(scheme).Should().BeNull();
        RationalScheme.FromDyadic(scheme, maxDenominator: 2048).Should().NotBeNull();
        RationalScheme.FromDyadic(StrassenWithHalves(), maxDenominator: 1).Should().BeNull("U and V pass, W does not");
        RationalScheme.FromDyadic(SchemeSymmetry.Transpose(StrassenWithHalves()), maxDenominator: 1).Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Each_factor_is_checked_for_exactness(int which)
    {
        var s = KnownSchemes.Strassen();
        var (u, v, w) = (s.URows(), s.VRows(), s.WRows());
        (which == 0 ? u[0] : which == 1 ? v[0] : w[0])[0] = 0.1;
        RationalScheme.FromDyadic(Scheme.FromRows(s.Shape, u, v, w)).Should().BeNull();
    }

    [Fact]
    public void Mismatched_factor_sizes_are_refused()
    {
        var one = new Fraction(1, 1);
        Fraction[] four = [one, one, one, one];
        var act = () => new RationalScheme(Shape.Square2, 1, four, four, [one, one, one]);
        act.Should().Throw<ArgumentException>().WithMessage("*4, 4, 3*<2,2,2> rank 1*");
        var u = () => new RationalScheme(Shape.Square2, 1, [one], [one, one, one, one], [one, one, one, one]);
        u.Should().Throw<ArgumentException>();
        var v = () => new RationalScheme(Shape.Square2, 1, [one, one, one, one], [one], [one, one, one, one]);
        v.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Selecting_slots_and_converting_back_agree_with_the_double_scheme()
    {
        var s = StrassenWithHalves();
        int[] slots = [6, 0, 3];
        var selected = RationalScheme.FromDyadic(s)!.SelectSlots(slots);
        selected.Rank.Should().Be(3);
        selected.ToScheme().CoefficientsEqual(s.SelectSlots(slots)).Should().BeTrue();
    }

    [Fact]
    public void Scaled_factors_share_the_least_common_denominator()
    {
        var f = new Fraction[] { new(1, 2), new(1, 3), new(1, 1), new(-5, 6) };
        var one = Enumerable.Repeat(new Fraction(1, 1), 4).ToArray();
        var s = new RationalScheme(Shape.Square2, 1, f, one, one);
        var (numerators, denominator) = s.ScaledU();
        denominator.Should().Be(new BigInteger(6));
        numerators.Should().Equal(new BigInteger(3), new BigInteger(2), new BigInteger(6), new BigInteger(-5));
        s.ScaledV().Denominator.Should().Be(BigInteger.One);
        new RationalScheme(Shape.Square2, 1, one, one, f).ScaledW().Denominator.Should().Be(new BigInteger(6));
        new RationalScheme(Shape.Square2, 1, one, f, one).ScaledV().Denominator.Should().Be(new BigInteger(6));
    }
}

[Trait("Category", "Fast")]
public class RationalSchemeAccessTests
{
    [Fact]
    public void Every_coefficient_reads_back_as_the_double_scheme_has_it()
    {
        var s = SchemeSymmetry.Transpose(RationalSchemeTests.StrassenWithHalves());
        var exact = RationalScheme.FromDyadic(s)!;
        for (int r = 0; r < s.Rank; r++)
        {
            for (int x = 0; x < s.Shape.ASize; x++) exact.U(r, x).ToDouble().Should().Be(s.U(r, x));
            for (int y = 0; y < s.Shape.BSize; y++) exact.V(r, y).ToDouble().Should().Be(s.V(r, y));
            for (int z = 0; z < s.Shape.CSize; z++) exact.W(z, r).ToDouble().Should().Be(s.W(z, r));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void One_fraction_in_any_factor_makes_the_scheme_non_integral(int which)
    {
        var s = KnownSchemes.Strassen();
        var (u, v, w) = (s.URows(), s.VRows(), s.WRows());
        (which == 0 ? u[3] : which == 1 ? v[3] : w[3])[2] = 0.5;
        RationalScheme.FromDyadic(Scheme.FromRows(s.Shape, u, v, w))!.IsIntegral.Should().BeFalse();
    }
}
