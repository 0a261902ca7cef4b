using MathNet.Numerics.Distributions;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The statistics at their edges: refused inputs, exact boundary values, degenerate data.</summary>
[Trait("Category", "Fast")]
public class StatisticsEdgeCaseTests
{
    [Theory]
    [InlineData(0, -1)]
    [InlineData(-1, 5)]
    [InlineData(6, 5)]
    public void Binomial_test_and_Wilson_interval_refuse_counts_that_are_not_a_proportion(int k, int n)
    {
        var binomial = () => BinomialTest.TwoSidedPValue(k, n, 0.5);
        binomial.Should().Throw<ArgumentOutOfRangeException>();
        var wilson = () => WilsonInterval.Of(k, n);
        wilson.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Binomial_test_refuses_a_null_proportion_outside_zero_to_one(double p0)
    {
        var act = () => BinomialTest.TwoSidedPValue(3, 10, p0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    public void Binomial_p_value_of_an_extreme_outcome_counts_both_tails_exactly(int k, int n)
    {
        // R: binom.test(0, 10)$p.value = 2 / 1024; the outcome and its mirror image are equally likely.
        BinomialTest.TwoSidedPValue(k, n, 0.5).Should().Be(2.0 / 1024);
    }

    [Fact]
    public void Binomial_test_with_no_trials_is_certain() => BinomialTest.TwoSidedPValue(0, 0, 0.3).Should().Be(1);

    [Theory]
    [InlineData(0, 10, 0.0, 1.0)]
    [InlineData(1, 10, 0.0, 0.0)]
    [InlineData(10, 10, 1.0, 1.0)]
    [InlineData(9, 10, 1.0, 0.0)]
    public void Binomial_test_at_a_null_proportion_of_zero_or_one_is_one_or_zero(int k, int n, double p0, double expected) =>
        BinomialTest.TwoSidedPValue(k, n, p0).Should().Be(expected);

    [Theory]
    [InlineData(-1, 1, 1, 1)]
    [InlineData(1, -1, 1, 1)]
    [InlineData(1, 1, -1, 1)]
    [InlineData(1, 1, 1, -1)]
    public void Fisher_test_refuses_a_negative_count(int a, int b, int c, int d)
    {
        var act = () => FisherExactTest.Of(a, b, c, d);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Fisher_test_of_a_perfectly_split_table_counts_both_equally_likely_extremes()
    {
        // [[0, 5], [5, 0]]: P(a = 0) = P(a = 5) = 1 / C(10, 5) = 1/252; R gives p = 0.007937.
        var r = FisherExactTest.Of(0, 5, 5, 0);
        r.TwoSided.Should().BeApproximately(2.0 / 252, 1e-15);
        r.Less.Should().BeApproximately(1.0 / 252, 1e-15);
        r.Greater.Should().BeApproximately(1, 1e-12);
        var mirror = FisherExactTest.Of(5, 0, 0, 5);
        mirror.TwoSided.Should().BeApproximately(2.0 / 252, 1e-15);
        mirror.Greater.Should().BeApproximately(1.0 / 252, 1e-15);
    }

    [Fact]
    public void Fisher_test_sums_only_the_tables_its_margins_allow()
    {
        // [[8, 1], [2, 1]]: row 1 = 9, column 1 = 10 of 12, so a ranges over 7..9.
        var r = FisherExactTest.Of(8, 1, 2, 1);
        double P(int x) => Hypergeometric.PMF(12, 10, 9, x);
        r.Less.Should().BeApproximately(P(7) + P(8), 1e-12);
        r.Greater.Should().BeApproximately(P(8) + P(9), 1e-12);
        (P(7) + P(8) + P(9)).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Anova_of_two_separated_groups_matches_the_hand_computation()
    {
        // Means 2 and 5, grand mean 3.5: SS_between = 13.5, SS_within = 4, F = 13.5 / (4 / 4) = 13.5 on (1, 4) df.
        var r = OneWayAnova.Of([[1.0, 2, 3], [4.0, 5, 6]]);
        r.F.Should().BeApproximately(13.5, 1e-12);
        r.EtaSquared.Should().BeApproximately(13.5 / 17.5, 1e-12);
        r.P.Should().BeApproximately(1 - FisherSnedecor.CDF(1, 4, 13.5), 1e-12);
        r.P.Should().BeInRange(0.02, 0.025);
        (r.DfBetween, r.DfWithin, r.N).Should().Be((1, 4, 6));
    }

    [Fact]
    public void Anova_ignores_empty_groups()
    {
        var r = OneWayAnova.Of([[1.0, 2, 3], [], [4.0, 5, 6]]);
        r.F.Should().BeApproximately(13.5, 1e-12);
        (r.DfBetween, r.DfWithin).Should().Be((1, 4));
    }

    [Fact]
    public void Anova_of_one_group_is_undefined_with_its_degrees_of_freedom()
    {
        var r = OneWayAnova.Of([[1.0, 2, 4]]);
        r.F.Should().Be(double.NaN);
        r.P.Should().Be(double.NaN);
        r.EtaSquared.Should().Be(double.NaN);
        (r.DfBetween, r.DfWithin, r.N).Should().Be((0, 2, 3));
    }

    [Fact]
    public void Anova_with_one_value_per_group_is_undefined()
    {
        var r = OneWayAnova.Of([[1.0], [2.0]]);
        r.F.Should().Be(double.NaN);
        r.EtaSquared.Should().Be(double.NaN);
        (r.DfBetween, r.DfWithin).Should().Be((1, 0));
        OneWayAnova.Of([]).DfBetween.Should().Be(0);
    }

    [Fact]
    public void Anova_of_constant_groups_with_different_values_is_infinitely_significant()
    {
        var r = OneWayAnova.Of([[1.0, 1], [2.0, 2]]);
        r.F.Should().Be(double.PositiveInfinity);
        r.P.Should().Be(0);
        r.EtaSquared.Should().Be(1);
    }

    [Fact]
    public void Anova_of_identical_values_is_undefined()
    {
        var r = OneWayAnova.Of([[1.0, 1], [1.0, 1]]);
        r.F.Should().Be(double.NaN);
        r.P.Should().Be(double.NaN);
        r.EtaSquared.Should().Be(double.NaN);
    }

    [Fact]
    public void A_proportion_interval_contains_its_end_points()
    {
        var ci = new ProportionInterval(1, 2, 0.5, 0.25, 0.75);
        ci.Contains(0.25).Should().BeTrue();
        ci.Contains(0.75).Should().BeTrue();
        ci.Contains(0.2499).Should().BeFalse();
        ci.Contains(0.7501).Should().BeFalse();
    }

    [Fact]
    public void A_proportion_interval_prints_as_fraction_estimate_and_bounds()
    {
        new ProportionInterval(1, 2, 0.5, 0.25, 0.75).ToString().Should().Be("1/2 = 50.0% [25.0%, 75.0%]");
        WilsonInterval.Of(0, 0).ToString().Should().Be("no runs");
    }

    [Fact]
    public void Auc_without_negatives_or_positives_is_undefined()
    {
        RocAuc.Of([0.5], []).Should().Be(double.NaN);
        RocAuc.Of([], [0.5]).Should().Be(double.NaN);
    }

    [Fact]
    public void A_roc_curve_without_one_class_has_undefined_rates_for_it()
    {
        var (fpr, tpr) = RocAuc.Curve([0.9, 0.1], []);
        fpr.Skip(1).Should().OnlyContain(x => double.IsNaN(x));
        tpr.Should().Equal(0, 0.5, 1);
        var (fpr2, tpr2) = RocAuc.Curve([], [0.9, 0.1]);
        tpr2.Skip(1).Should().OnlyContain(x => double.IsNaN(x));
        fpr2.Should().Equal(0, 0.5, 1);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.5)]
    [InlineData(0.75, 3.0)]
    [InlineData(1.0, 4.0)]
    public void Quantile_interpolates_linearly_between_order_statistics(double q, double expected) =>
        RocAuc.Quantile([1.0, 2, 4], q).Should().BeApproximately(expected, 1e-15);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Bootstrap_interval_is_ordered_and_holds_the_estimate(double confidence)
    {
        double[] pos = [0.9, 0.8, 0.7, 0.55, 0.3, 0.65];
        double[] neg = [0.6, 0.4, 0.35, 0.2, 0.5, 0.75];
        var r = RocAuc.WithBootstrap(pos, neg, resamples: 400, confidence: confidence, seed: 7);
        r.Lower.Should().BeLessThan(r.Upper);
        r.Auc.Should().BeInRange(r.Lower, r.Upper);
        r.Upper.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void A_wider_confidence_gives_a_wider_bootstrap_interval()
    {
        double[] pos = [0.9, 0.8, 0.7, 0.55, 0.3, 0.65];
        double[] neg = [0.6, 0.4, 0.35, 0.2, 0.5, 0.75];
        var narrow = RocAuc.WithBootstrap(pos, neg, resamples: 400, confidence: 0.5, seed: 7);
        var wide = RocAuc.WithBootstrap(pos, neg, resamples: 400, confidence: 0.95, seed: 7);
        wide.Lower.Should().BeLessThan(narrow.Lower);
        wide.Upper.Should().BeGreaterThan(narrow.Upper);
    }
}
