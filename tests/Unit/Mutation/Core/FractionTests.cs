using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class FractionTests
{
    [Theory]
    [InlineData(2, 4, 1, 2)]
    [InlineData(-2, 4, -1, 2)]
    [InlineData(2, -4, -1, 2)]
    [InlineData(-2, -4, 1, 2)]
    [InlineData(0, -7, 0, 1)]
    [InlineData(6, 3, 2, 1)]
    public void A_fraction_is_kept_in_lowest_terms_with_a_positive_denominator(long p, long q, long num, long den)
    {
        var f = new Fraction(p, q);
        f.Numerator.Should().Be(new BigInteger(num));
        f.Denominator.Should().Be(new BigInteger(den));
        f.Should().Be(new Fraction(num, den));
    }

    [Fact]
    public void A_zero_denominator_is_refused()
    {
        var act = () => new Fraction(1, 0);
        act.Should().Throw<ArgumentException>().WithMessage("*denominator*");
    }

    [Theory]
    [InlineData(-1, 3, "-1/3", false)]
    [InlineData(5, 1, "5", true)]
    [InlineData(-8, 4, "-2", true)]
    public void Text_and_integrality(long p, long q, string text, bool integer)
    {
        var f = new Fraction(p, q);
        f.ToString().Should().Be(text);
        f.IsInteger.Should().Be(integer);
    }

    [Fact]
    public void A_fraction_converts_to_the_nearest_double()
    {
        new Fraction(1, 8).ToDouble().Should().Be(0.125);
        new Fraction(1, 3).ToDouble().Should().Be(1.0 / 3);
    }

    [Theory]
    [InlineData(0.5, 1024, 1, 2)]
    [InlineData(-0.75, 1024, -3, 4)]
    [InlineData(3.0, 1, 3, 1)]
    [InlineData(1.0 / 1024, 1024, 1, 1024)]
    [InlineData(0.0, 1, 0, 1)]
    [InlineData(1e300, 1024, 1e300, 1)]
    public void A_dyadic_double_within_the_bound_is_an_exact_fraction(double x, long max, double num, long den)
    {
        Fraction.FromDyadic(x, max).Should().Be(new Fraction(new BigInteger(num), den));
    }

    [Theory]
    [InlineData(1.0 / 2048, 1024)]
    [InlineData(0.5, 1)]
    [InlineData(0.1, 1024)]
    [InlineData(0.99987f, 1024)]
    public void A_double_beyond_the_bound_is_not_taken_as_exact(double x, long max)
    {
        Fraction.FromDyadic(x, max).Should().BeNull();
    }

    [Theory]
    [InlineData("1/3", 1, 3)]
    [InlineData("-2/6", -1, 3)]
    [InlineData("+5", 5, 1)]
    [InlineData("7", 7, 1)]
    [InlineData("0/5", 0, 1)]
    [InlineData("9007199254740992/9007199254740992", 1, 1)]
    [InlineData("-9007199254740992", -9007199254740992, 1)]
    public void Fraction_strings_are_parsed_exactly(string text, long num, long den)
    {
        Fraction.Parse(text).Should().Be(new Fraction(num, den));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("1/-3")]
    [InlineData("1/+3")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    [InlineData("1/")]
    [InlineData("")]
    [InlineData("0.5")]
    [InlineData("1e3")]
    [InlineData("9007199254740993")]
    [InlineData("-9007199254740993")]
    [InlineData("1/9007199254740993")]
    public void Anything_else_is_not_a_fraction(string text)
    {
        Fraction.Parse(text).Should().BeNull();
    }
}
