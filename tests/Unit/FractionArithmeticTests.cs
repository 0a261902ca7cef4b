using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

/// <summary>Fraction's exact arithmetic, checked on values whose results are known in lowest terms.</summary>
[Trait("Category", "Fast")]
public class FractionArithmeticTests
{
    private static Fraction F(long p, long q) => new(p, q);

    [Fact]
    public void Sums_differences_products_and_quotients_are_exact_in_lowest_terms()
    {
        (F(1, 2) + F(1, 3)).Should().Be(F(5, 6));
        (F(1, 2) - F(1, 3)).Should().Be(F(1, 6));
        (F(1, 3) - F(1, 2)).Should().Be(F(-1, 6));
        (F(2, 3) * F(3, 4)).Should().Be(F(1, 2));
        (F(2, 3) / F(4, 9)).Should().Be(F(3, 2));
        (F(2, 3) / F(-4, 9)).Should().Be(F(-3, 2));
        (-F(2, 3)).Should().Be(F(-2, 3));
        (F(3, 4) / F(3, 4)).Should().Be(Fraction.One);
    }

    [Fact]
    public void Zero_one_and_integers_convert_as_they_should()
    {
        Fraction.Zero.IsZero.Should().BeTrue();
        Fraction.One.IsZero.Should().BeFalse();
        Fraction.One.Should().Be(F(1, 1));
        ((Fraction)(-7)).Should().Be(F(-7, 1));
        (F(1, 2) + F(-1, 2)).IsZero.Should().BeTrue();
        F(1, 2).IsZero.Should().BeFalse();
    }

    [Fact]
    public void Dividing_by_zero_throws()
    {
        var act = () => F(1, 2) / Fraction.Zero;
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Arithmetic_beyond_64_bits_stays_exact()
    {
        var big = new Fraction(BigInteger.Pow(10, 30) + 1, 3);
        (big * F(3, 1) - new Fraction(BigInteger.Pow(10, 30), 1)).Should().Be(Fraction.One);
    }
}
