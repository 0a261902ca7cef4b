using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Pearson's chi-squared test of homogeneity against R's documented example and a hand-computed 2 x 2 table.</summary>
[Trait("Category", "Fast")]
public class ChiSquaredHomogeneityStatisticsTests
{
    [Fact]
    public void Matches_the_party_identification_example_of_Rs_chisq_test()
    {
        // R, ?chisq.test (Agresti 2007, p. 39): X-squared = 30.07, df = 2, p-value = 2.954e-07.
        var r = ChiSquaredHomogeneity.Of([762, 327, 468], [484, 239, 477]);
        r.Statistic.Should().BeApproximately(30.0701, 5e-4);
        r.DegreesOfFreedom.Should().Be(2);
        r.P.Should().BeApproximately(2.954e-7, 5e-10);
    }

    [Fact]
    public void Matches_a_two_by_two_table_computed_by_hand_without_continuity_correction()
    {
        // Expected 12, 18 / 28, 42: X^2 = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; p = 2 (1 - Phi(sqrt X^2)) = 0.37299.
        var r = ChiSquaredHomogeneity.Of([10, 20], [30, 40]);
        r.Statistic.Should().BeApproximately(0.793651, 1e-6);
        r.DegreesOfFreedom.Should().Be(1);
        r.P.Should().BeApproximately(0.37299, 1e-5);
    }

    [Fact]
    public void Categories_nobody_fell_into_are_left_out_of_the_degrees_of_freedom()
    {
        var r = ChiSquaredHomogeneity.Of([1, 147, 108, 0, 0], [0, 150, 106, 0, 0]);
        r.DegreesOfFreedom.Should().Be(2);
        r.Statistic.Should().BeGreaterThan(0).And.BeLessThan(5);
        double.IsFinite(r.P).Should().BeTrue();
    }

    [Fact]
    public void Identical_groups_give_no_evidence_of_a_difference()
    {
        var r = ChiSquaredHomogeneity.Of([3, 5, 8], [6, 10, 16]);
        r.Statistic.Should().Be(0);
        r.P.Should().Be(1);
    }

    [Fact]
    public void With_one_category_in_use_there_is_nothing_to_compare()
    {
        var r = ChiSquaredHomogeneity.Of([0, 256, 0], [0, 256, 0]);
        r.Should().Be(new ChiSquaredHomogeneity.Result(0, 0, 1));
    }

    [Fact]
    public void Bad_tables_are_refused()
    {
        FluentActions.Invoking(() => ChiSquaredHomogeneity.Of([1, 2], [1])).Should().Throw<ArgumentException>().WithMessage("*every category*");
        FluentActions.Invoking(() => ChiSquaredHomogeneity.Of([1, -2], [1, 2])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ChiSquaredHomogeneity.Of([1, 2], [1, -2])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ChiSquaredHomogeneity.Of([0, 0], [1, 2])).Should().Throw<ArgumentException>().WithMessage("*at least one*");
        FluentActions.Invoking(() => ChiSquaredHomogeneity.Of([1, 2], [0, 0])).Should().Throw<ArgumentException>().WithMessage("*at least one*");
    }
}
