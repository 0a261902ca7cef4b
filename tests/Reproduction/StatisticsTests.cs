using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Each statistic against published reference values (Newcombe 1998; R's documented examples).</summary>
[Trait("Category", "Fast")]
public class StatisticsTests
{
    [Theory]
    // Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3 (Wilson score).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_Newcombes_table(int k, int n, double lower, double upper)
    {
        var ci = WilsonInterval.Of(k, n);
        ci.Lower.Should().BeApproximately(lower, 5e-5);
        ci.Upper.Should().BeApproximately(upper, 5e-5);
        ci.Estimate.Should().Be(k / (double)n);
    }

    [Fact]
    public void Wilson_interval_of_the_papers_133_of_195_contains_the_point_estimate()
    {
        var ci = WilsonInterval.Of(133, 195);
        ci.Contains(133 / 195.0).Should().BeTrue();
        ci.Lower.Should().BeApproximately(0.6137, 5e-5);
        ci.Upper.Should().BeApproximately(0.7434, 5e-5);
    }

    [Fact]
    public void Exact_binomial_test_matches_Rs_binom_test_example()
    {
        // R: binom.test(c(682, 243), p = 3/4) -> p-value = 0.3825
        BinomialTest.TwoSidedPValue(682, 925, 0.75).Should().BeApproximately(0.3825, 5e-5);
    }

    [Fact]
    public void Exact_binomial_test_rejects_a_far_off_rate()
    {
        BinomialTest.TwoSidedPValue(2, 40, 0.68).Should().BeLessThan(1e-10);
    }

    [Fact]
    public void Fisher_exact_test_matches_Rs_tea_tasting_example()
    {
        // R: fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) -> p-value = 0.4857; alternative = "greater" -> 0.2429
        var r = FisherExactTest.Of(3, 1, 1, 3);
        r.TwoSided.Should().BeApproximately(0.4857, 5e-5);
        r.Greater.Should().BeApproximately(0.2429, 5e-5);
    }

    [Fact]
    public void Fisher_exact_test_matches_Rs_convictions_example()
    {
        // R: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2); fisher.test(Convictions, alternative = "less") -> 0.0004652
        var r = FisherExactTest.Of(2, 15, 10, 3);
        r.Less.Should().BeApproximately(0.0004652, 5e-8);
        r.TwoSided.Should().BeApproximately(0.0005367, 5e-8);
    }

    [Theory]
    // The study's C2 table (8 of 3,000 inside [24,128], 5 of 2,000 outside) and two skewed ones; the expected p-values
    // are sums of exact fractions of binomial coefficients (Python's math.comb and fractions), not floats.
    [InlineData(8, 2992, 5, 1995, 1.0)]
    [InlineData(40, 2960, 5, 1995, 2.4356049015024056e-05)]
    [InlineData(0, 3000, 13, 1987, 6.555225746159422e-06)]
    [InlineData(3, 7, 12, 3, 0.03442559257944909)]
    public void Fisher_exact_test_holds_at_thousands_of_runs(int a, int b, int c, int d, double expected)
    {
        FisherExactTest.Of(a, b, c, d).TwoSided.Should().BeApproximately(expected, 1e-9 * Math.Max(expected, 1e-3));
    }

    [Fact]
    public void One_way_anova_matches_R_on_PlantGrowth()
    {
        // R: summary(aov(weight ~ group, data = PlantGrowth)) -> F = 4.846 on 2 and 27 df, p = 0.0159
        double[] ctrl = [4.17, 5.58, 5.18, 6.11, 4.50, 4.61, 5.17, 4.53, 5.33, 5.14];
        double[] trt1 = [4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69];
        double[] trt2 = [6.31, 5.12, 5.54, 5.50, 5.37, 5.29, 4.92, 6.15, 5.80, 5.26];
        var r = OneWayAnova.Of([ctrl, trt1, trt2]);
        r.F.Should().BeApproximately(4.846, 5e-4);
        r.P.Should().BeApproximately(0.01591, 5e-5);
        r.EtaSquared.Should().BeApproximately(3.76634 / (3.76634 + 10.49209), 1e-5);
        (r.DfBetween, r.DfWithin).Should().Be((2, 27));
    }

    [Fact]
    public void Anova_of_identical_groups_has_no_between_group_variance()
    {
        var r = OneWayAnova.Of([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]);
        r.F.Should().Be(0);
        r.P.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Auc_is_one_for_perfect_separation_one_half_for_ties_and_the_Mann_Whitney_fraction_otherwise()
    {
        RocAuc.Of([3.0, 4.0], [1.0, 2.0]).Should().Be(1.0);
        RocAuc.Of([1.0, 1.0], [1.0, 1.0]).Should().Be(0.5);
        // Pairs (pos > neg): 2>1, 3>1, 3>2.5 => 3 wins of 4 pairs; (2, 2.5) loses.
        RocAuc.Of([2.0, 3.0], [1.0, 2.5]).Should().Be(0.75);
    }

    [Fact]
    public void Roc_curve_runs_from_the_origin_to_one_one_and_its_area_is_the_auc()
    {
        double[] pos = [2.0, 3.0], neg = [1.0, 2.5];
        var (fpr, tpr) = RocAuc.Curve(pos, neg);
        (fpr[0], tpr[0]).Should().Be((0.0, 0.0));
        (fpr[^1], tpr[^1]).Should().Be((1.0, 1.0));
        double area = 0;
        for (int i = 1; i < fpr.Length; i++) area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        area.Should().BeApproximately(RocAuc.Of(pos, neg), 1e-12);
    }

    [Fact]
    public void Bootstrap_interval_is_deterministic_and_brackets_the_auc()
    {
        double[] pos = [0.9, 0.8, 0.75, 0.6, 0.55, 0.4];
        double[] neg = [0.7, 0.5, 0.45, 0.3, 0.2, 0.1];
        var a = RocAuc.WithBootstrap(pos, neg, resamples: 500, seed: 3);
        var b = RocAuc.WithBootstrap(pos, neg, resamples: 500, seed: 3);
        a.Should().Be(b);
        a.Lower.Should().BeLessThanOrEqualTo(a.Auc);
        a.Upper.Should().BeGreaterThanOrEqualTo(a.Auc);
        a.Upper.Should().BeLessThanOrEqualTo(1.0);
        a.Lower.Should().BeLessThan(a.Upper);
    }
}
