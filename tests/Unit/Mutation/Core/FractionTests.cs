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

    [Fact]
    public void Terms_past_2_to_the_53_are_exact_integers_not_doubles()
    {
        Fraction.Parse("9007199254740993").Should().Be(new Fraction(BigInteger.Pow(2, 53) + 1, 1));
        Fraction.Parse("-9007199254740993/2").Should().Be(new Fraction(-(BigInteger.Pow(2, 53) + 1), 2));
        Fraction.Parse("1/9007199254740993")!.Value.Denominator.Should().Be(BigInteger.Pow(2, 53) + 1);
    }

    [Fact]
    public void A_term_of_more_than_MaxDigits_digits_is_not_read()
    {
        string most = new('9', Fraction.MaxDigits);
        Fraction.Parse(most)!.Value.Numerator.Should().Be(BigInteger.Pow(10, Fraction.MaxDigits) - 1);
        Fraction.Parse("-" + most).Should().NotBeNull("the sign is not a digit");
        Fraction.Parse(most + "9").Should().BeNull();
        Fraction.Parse("1/" + most + "9").Should().BeNull();
    }

    [Theory]
    [InlineData(1, 2, 0)]
    [InlineData(3, 2, 2)]
    [InlineData(5, 2, 2)]
    [InlineData(-1, 2, 0)]
    [InlineData(-3, 2, -2)]
    [InlineData(1, 3, 0)]
    [InlineData(2, 3, 1)]
    [InlineData(-2, 3, -1)]
    [InlineData(-4, 3, -1)]
    [InlineData(-5, 3, -2)]
    [InlineData(7, 1, 7)]
    public void Rounding_is_exact_with_halves_to_even(long num, long den, long rounded)
    {
        new Fraction(num, den).RoundHalfEven().Should().Be(new BigInteger(rounded));
        new Fraction(num, den).RoundHalfEven().Should().Be(new BigInteger(Math.Round((double)num / den, MidpointRounding.ToEven)));
    }

    [Fact]
    public void A_fraction_of_terms_past_the_double_range_still_has_a_nearest_double()
    {
        var big = BigInteger.Pow(10, 400);
        new Fraction(big * 10 + 1, big).ToDouble().Should().BeApproximately(10, 1e-12);
        new Fraction(1, big).ToDouble().Should().Be(0);
        new Fraction(big, 1).ToDouble().Should().Be(double.PositiveInfinity);
        new Fraction(-(big * 10 + 1), big).ToDouble().Should().BeApproximately(-10, 1e-12);
        // A numerator past the double range over a denominator inside it: both are scaled by the larger one.
        new Fraction(BigInteger.Pow(2, 1100) + 1, BigInteger.Pow(2, 990) + 1).ToDouble()
            .Should().BeApproximately(Math.Pow(2, 110), Math.Pow(2, 110) * 1e-12);
        new Fraction(0, 7).ToDouble().Should().Be(0);
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
    [InlineData("1 /2")]
    [InlineData("1/ 2")]
    [InlineData("-")]
    [InlineData("0x10")]
    public void Anything_else_is_not_a_fraction(string text)
    {
        Fraction.Parse(text).Should().BeNull();
    }
}
