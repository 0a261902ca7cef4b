using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The power calculations an inconclusive verdict reports, against values worked out by hand.</summary>
[Trait("Category", "Fast")]
public class RunsNeededStatisticsTests
{
    const double Z = 1.959963984540054;

    [Fact]
    public void One_success_at_a_fair_coin_takes_three_runs_for_80_percent()
    {
        // P(X >= 1) = 1 - 0.5^n: n = 2 gives 0.75, n = 3 gives 0.875.
        RunsNeeded.ForSuccesses(0.5, 1).Should().Be(3);
    }

    [Fact]
    public void An_assurance_met_exactly_counts_as_met()
    {
        // 1 - 0.5^2 = 0.75 exactly: n = 2 meets an assurance of 0.75, n = 1 (0.5) does not.
        RunsNeeded.ForSuccesses(0.5, 1, assurance: 0.75).Should().Be(2);
        RunsNeeded.ForSuccesses(0.5, 1, assurance: 0.5).Should().Be(1);
    }

    [Fact]
    public void Three_successes_at_a_rate_of_ten_percent_take_42_runs()
    {
        // P(X >= 3) = 1 - q^n - n p q^(n-1) - C(n,2) p^2 q^(n-2) with p = 0.1: 0.7914 at n = 41, 0.8049 at n = 42.
        static double AtLeastThree(int n) => 1 - Math.Pow(0.9, n) - n * 0.1 * Math.Pow(0.9, n - 1)
            - n * (n - 1) / 2.0 * 0.01 * Math.Pow(0.9, n - 2);
        AtLeastThree(41).Should().BeLessThan(0.8);
        AtLeastThree(42).Should().BeGreaterThan(0.8);
        RunsNeeded.ForSuccesses(0.1, 3).Should().Be(42);
        RunsNeeded.ForSuccesses(0.1, 3, assurance: 0.5).Should().Be(27);
    }

    [Fact]
    public void A_certain_success_needs_exactly_the_successes_asked_for()
    {
        RunsNeeded.ForSuccesses(1, 3).Should().Be(3);
        RunsNeeded.ForSuccesses(1, 1).Should().Be(1);
    }

    [Fact]
    public void A_rate_of_zero_or_one_too_small_to_reach_in_the_limit_gives_no_answer()
    {
        RunsNeeded.ForSuccesses(0, 3).Should().BeNull();
        // Three successes at 1e-9 take about 3e9 runs, beyond the limit of 1e8.
        RunsNeeded.ForSuccesses(1e-9, 3).Should().BeNull();
        // At 1e-7 they take about 4.3e7 (P(X >= 3) = 0.8 near n p = 4.28): inside the limit.
        RunsNeeded.ForSuccesses(1e-7, 3).Should().BeInRange(42_000_000, 44_000_000);
    }

    [Fact]
    public void The_study_rate_of_c1_gives_a_run_count_in_the_thousands()
    {
        // 8 of 3,000 (0.27%): three successes with 80% need n p = 4.28 or so, about 1,600 runs.
        RunsNeeded.ForSuccesses(8 / 3000.0, 3).Should().BeInRange(1_550, 1_650);
    }

    [Theory]
    [InlineData(-0.01, 1, 0.8)]
    [InlineData(1.01, 1, 0.8)]
    [InlineData(double.NaN, 1, 0.8)]
    [InlineData(0.5, 0, 0.8)]
    [InlineData(0.5, 1, 0)]
    [InlineData(0.5, 1, 1)]
    [InlineData(0.5, 1, double.NaN)]
    public void Success_counts_refuse_what_is_not_a_rate_a_count_or_an_assurance(double rate, int needed, double assurance)
    {
        var act = () => RunsNeeded.ForSuccesses(rate, needed, assurance);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_half_width_at_a_rate_of_one_half_follows_its_closed_form()
    {
        // At p = 1/2 the Wilson half-width is z / (2 sqrt(n + z^2)): <= 0.15 iff n >= (z / 0.3)^2 - z^2 = 38.84.
        RunsNeeded.ForHalfWidth(0.5, 0.15).Should().Be(39);
        WilsonInterval.HalfWidth(0.5, 39).Should().BeApproximately(Z / (2 * Math.Sqrt(39 + Z * Z)), 1e-12);
        WilsonInterval.HalfWidth(0.5, 38).Should().BeGreaterThan(0.15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void The_half_width_at_a_rate_of_zero_or_one_follows_its_closed_form(double rate)
    {
        // At p = 0 (or 1) it is z^2 / (2 (n + z^2)): <= 0.05 iff n >= z^2 / 0.1 - z^2 = 34.57.
        RunsNeeded.ForHalfWidth(rate, 0.05).Should().Be(35);
        WilsonInterval.HalfWidth(rate, 35).Should().BeApproximately(Z * Z / (2 * (35 + Z * Z)), 1e-12);
    }

    [Fact]
    public void The_half_width_at_ten_percent_is_the_larger_root_of_its_quadratic()
    {
        // h^2 (n + z^2)^2 = z^2 (p q n + z^2 / 4), a quadratic in n; its larger root for p = 0.1, h = 0.05 is 140.97.
        double h = 0.05, a = 0.09, c = Z * Z;
        double qa = h * h, qb = 2 * h * h * c - a * c, qc = h * h * c * c - c * c / 4;
        double root = (-qb + Math.Sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
        root.Should().BeInRange(140, 141);
        RunsNeeded.ForHalfWidth(0.1, h).Should().Be((int)Math.Ceiling(root));
        RunsNeeded.ForHalfWidth(0.1, h, confidence: 0.9).Should().BeLessThan((int)Math.Ceiling(root));
    }

    [Fact]
    public void A_half_width_of_one_half_or_more_holds_from_one_run()
    {
        // At n = 1 and p = 1/2 the half-width is z / (2 sqrt(1 + z^2)) = 0.4454.
        RunsNeeded.ForHalfWidth(0.5, 0.45).Should().Be(1);
        RunsNeeded.ForHalfWidth(0.5, 0.44).Should().Be(2);
    }

    [Fact]
    public void A_half_width_too_narrow_to_reach_in_the_limit_gives_no_answer()
    {
        // At p = 1/2, h = 1e-5 needs n = (z / 2e-5)^2 - z^2 = 9.6e9 runs, beyond the limit.
        RunsNeeded.ForHalfWidth(0.5, 1e-5).Should().BeNull();
        RunsNeeded.ForHalfWidth(0.5, 1e-4).Should().Be((int)Math.Ceiling(Math.Pow(Z / 2e-4, 2) - Z * Z));
    }

    [Theory]
    [InlineData(0.5, 0, 0.95)]
    [InlineData(0.5, -0.1, 0.95)]
    [InlineData(0.5, double.NaN, 0.95)]
    [InlineData(1.5, 0.1, 0.95)]
    [InlineData(-0.5, 0.1, 0.95)]
    [InlineData(0.5, 0.1, 1)]
    [InlineData(0.5, 0.1, 0)]
    public void Half_widths_refuse_what_is_not_a_width_a_rate_or_a_confidence(double rate, double halfWidth, double confidence)
    {
        var act = () => RunsNeeded.ForHalfWidth(rate, halfWidth, confidence);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_half_width_needs_at_least_one_trial()
    {
        var act = () => WilsonInterval.HalfWidth(0.5, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
        WilsonInterval.HalfWidth(0.5, 1).Should().BeApproximately(Z / (2 * Math.Sqrt(1 + Z * Z)), 1e-12);
    }

    [Fact]
    public void The_interval_is_its_centre_plus_and_minus_the_half_width()
    {
        var ci = WilsonInterval.Of(81, 263);
        ((ci.Upper - ci.Lower) / 2).Should().BeApproximately(WilsonInterval.HalfWidth(81 / 263.0, 263), 1e-12);
        WilsonInterval.Z(0.95).Should().BeApproximately(Z, 1e-12);
        WilsonInterval.Z(0.9).Should().BeApproximately(1.6448536269514722, 1e-12);
    }
}
