using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class RationalGridTests
{
    [Theory]
    [InlineData(0.9, 1, 1)]
    [InlineData(-1.2, -1, 1)]
    [InlineData(0.2, 0, 1)]
    [InlineData(2.6, 3, 1)]
    [InlineData(7.3, 4, 1)]    // clamped to the magnitude bound
    [InlineData(-9.0, -4, 1)]
    public void On_the_integers_the_nearest_integer_within_the_bound_is_chosen(double x, int numerator, int denominator)
    {
        var (value, cost) = RationalGrid.Integers.Nearest(x);
        value.Should().Be(new Fraction(numerator, denominator));
        cost.Should().BeApproximately(Math.Abs(x - (double)numerator / denominator), 1e-15);
    }

    [Theory]
    [InlineData(0.49, 1, 2)]
    [InlineData(0.45, 1, 2)]
    [InlineData(0.1, 0, 1)]
    [InlineData(0.2, 1, 5)]
    [InlineData(-0.26, -1, 4)]
    [InlineData(0.375, 3, 8)]
    [InlineData(1.0, 1, 1)]
    public void On_fractions_a_value_must_be_proportionally_closer_to_beat_an_integer(double x, int numerator,
        int denominator)
    {
        new RationalGrid(8, 4).Nearest(x).Value.Should().Be(new Fraction(numerator, denominator));
    }

    [Fact]
    public void The_cost_is_the_distance_times_the_denominator()
    {
        var (value, cost) = new RationalGrid(2, 4).Nearest(0.45);
        value.Should().Be(new Fraction(1, 2));
        cost.Should().BeApproximately(0.1, 1e-15);
    }

    [Fact]
    public void The_magnitude_bound_holds_for_fractions_too()
    {
        new RationalGrid(2, 1).Nearest(1.4).Value.Should().Be(new Fraction(1, 1));
        new RationalGrid(2, 1).Nearest(-1.6).Value.Should().Be(new Fraction(-1, 1));
    }

    [Fact]
    public void On_an_exact_tie_the_smaller_denominator_wins()
    {
        // 0.6 is 0.1 from 1/2 (cost 0.2) and 1/15 from 2/3 (cost 0.2): equal in floating point too.
        var grid = new RationalGrid(3, 4);
        (Math.Abs(0.6 - 0.5) * 2).Should().Be(Math.Abs(0.6 - 2.0 / 3) * 3);
        grid.Nearest(0.6).Value.Should().Be(new Fraction(1, 2));
    }
}
