using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>
/// The additive two-way ANOVA against R's documented warpbreaks data (datasets::warpbreaks, Tippett 1950: 54 looms, 9
/// per wool x tension cell). R: summary(aov(breaks ~ wool + tension, warpbreaks)) gives wool 1 450.7 F 3.339 p 0.07361;
/// tension 2 2034.3 F 7.537 p 0.00138; Residuals 50 6747.9 (the sums of squares are also computed by hand below:
/// SS_wool = 1352/3, SS_tension = 54925/27, SS_total = 249286/27).
/// </summary>
[Trait("Category", "Fast")]
public class TwoWayAnovaStatisticsTests
{
    private static readonly (string Wool, string Tension, int[] Breaks)[] Warpbreaks =
    [
        ("A", "L", [26, 30, 54, 25, 70, 52, 51, 26, 67]),
        ("A", "M", [18, 21, 29, 17, 12, 18, 35, 30, 36]),
        ("A", "H", [36, 21, 24, 18, 10, 43, 28, 15, 26]),
        ("B", "L", [27, 14, 29, 19, 29, 31, 41, 20, 44]),
        ("B", "M", [42, 26, 19, 16, 39, 28, 21, 39, 29]),
        ("B", "H", [20, 21, 24, 17, 13, 15, 15, 16, 28]),
    ];

    private static List<(string, string, double)> Observations() =>
        Warpbreaks.SelectMany(c => c.Breaks.Select(y => (c.Wool, c.Tension, (double)y))).ToList();

    [Fact]
    public void Of_warpbreaks_matches_Rs_additive_table()
    {
        var r = TwoWayAnova.Of(Observations());
        r.N.Should().Be(54);
        r.A.SumOfSquares.Should().BeApproximately(1352.0 / 3, 1e-9);
        r.B.SumOfSquares.Should().BeApproximately(54925.0 / 27, 1e-9);
        r.TotalSumOfSquares.Should().BeApproximately(249286.0 / 27, 1e-9);
        r.ErrorSumOfSquares.Should().BeApproximately(249286.0 / 27 - 1352.0 / 3 - 54925.0 / 27, 1e-9);
        (r.A.Df, r.B.Df, r.ErrorDf).Should().Be((1, 2, 50));
        r.A.F.Should().BeApproximately(3.3393, 5e-5);
        r.B.F.Should().BeApproximately(7.5367, 5e-5);
        r.A.P.Should().BeApproximately(0.07361, 5e-6);
        r.B.P.Should().BeApproximately(0.00138, 5e-6);
    }

    [Fact]
    public void Of_gives_classical_and_partial_eta_squared()
    {
        var r = TwoWayAnova.Of(Observations());
        double total = 249286.0 / 27, error = r.ErrorSumOfSquares;
        r.A.EtaSquared.Should().BeApproximately(1352.0 / 3 / total, 1e-12);
        r.A.PartialEtaSquared.Should().BeApproximately(1352.0 / 3 / (1352.0 / 3 + error), 1e-12);
        r.B.EtaSquared.Should().BeApproximately(54925.0 / 27 / total, 1e-12);
        r.B.PartialEtaSquared.Should().BeApproximately(54925.0 / 27 / (54925.0 / 27 + error), 1e-12);
        r.A.PartialEtaSquared.Should().BeGreaterThan(r.A.EtaSquared);
    }

    [Fact]
    public void Swapping_the_factors_swaps_their_rows()
    {
        var r = TwoWayAnova.Of(Observations());
        var s = TwoWayAnova.Of(Observations().Select(o => (o.Item2, o.Item1, o.Item3)).ToList());
        s.A.F.Should().BeApproximately(r.B.F, 1e-9);
        s.B.F.Should().BeApproximately(r.A.F, 1e-9);
        s.A.Df.Should().Be(r.B.Df);
        s.ErrorSumOfSquares.Should().BeApproximately(r.ErrorSumOfSquares, 1e-9);
    }

    [Fact]
    public void A_hand_computed_2x2_design_with_two_observations_per_cell()
    {
        // Cells (a, b): (0,0) 1, 3; (0,1) 5, 7; (1,0) 2, 4; (1,1) 10, 12. Grand mean 5.5; A means 4, 7; B means 2.5,
        // 8.5.
        // SS_A = 4 (1.5^2 + 1.5^2) = 18; SS_B = 4 (3^2 + 3^2) = 72; SS_total = 106; SS_error = 16, df 8 - 2 - 2 + 1 =
        // 5.
        var obs = new List<(int, int, double)> { (0, 0, 1), (0, 0, 3), (0, 1, 5), (0, 1, 7), (1, 0, 2), (1, 0, 4),
            (1, 1, 10), (1, 1, 12) };
        var r = TwoWayAnova.Of(obs);
        r.A.SumOfSquares.Should().BeApproximately(18, 1e-12);
        r.B.SumOfSquares.Should().BeApproximately(72, 1e-12);
        r.TotalSumOfSquares.Should().BeApproximately(106, 1e-12);
        r.ErrorSumOfSquares.Should().BeApproximately(16, 1e-12);
        r.ErrorDf.Should().Be(5);
        r.A.F.Should().BeApproximately(5.625, 1e-12);
        r.B.F.Should().BeApproximately(22.5, 1e-12);
        r.A.EtaSquared.Should().BeApproximately(18.0 / 106, 1e-12);
        r.A.PartialEtaSquared.Should().BeApproximately(18.0 / 34, 1e-12);
        r.B.EtaSquared.Should().BeApproximately(72.0 / 106, 1e-12);
        r.B.PartialEtaSquared.Should().BeApproximately(72.0 / 88, 1e-12);
        r.A.P.Should().BeApproximately(0.063817, 5e-6, "F(1, 5) = 5.625: 1 - I(5.625 / 10.625; 1/2, 5/2)");
        r.B.P.Should().BeApproximately(0.0051345, 5e-7, "F(1, 5) = 22.5");
    }

    [Fact]
    public void A_perfectly_additive_table_has_an_infinite_F_and_p_0_and_a_flat_one_NaN()
    {
        // y = a + 2 b exactly: no residual at all.
        var exact = new List<(int, int, double)>();
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 2; b++) exact.Add((a, b, a + 2.0 * b));
        var r = TwoWayAnova.Of(exact);
        r.ErrorSumOfSquares.Should().Be(0);
        r.A.F.Should().Be(double.PositiveInfinity);
        r.A.P.Should().Be(0);
        var flat = exact.Select(o => (o.Item1, o.Item2, 4.0)).ToList();
        var f = TwoWayAnova.Of(flat);
        f.A.F.Should().Be(double.NaN);
        f.A.P.Should().Be(double.NaN);
        f.A.EtaSquared.Should().Be(double.NaN);
    }

    [Fact]
    public void An_unbalanced_design_is_refused_by_Of_and_null_from_TryOf()
    {
        var obs = Observations();
        obs.RemoveAt(0);
        var act = () => TwoWayAnova.Of(obs);
        act.Should().Throw<ArgumentException>().WithMessage("*balanced*");
        TwoWayAnova.TryOf(obs).Should().BeNull();
        TwoWayAnova.TryOf(Observations()).Should().NotBeNull();
    }

    [Fact]
    public void A_missing_cell_is_unbalanced_even_when_the_others_are_equal()
    {
        // Three cells of one observation each out of 2 x 2: every count equal, one cell absent.
        var obs = new List<(int, int, double)> { (0, 0, 1), (0, 1, 2), (1, 0, 3) };
        TwoWayAnova.TryOf(obs).Should().BeNull();
        var act = () => TwoWayAnova.Of(obs);
        act.Should().Throw<ArgumentException>().WithMessage("*balanced*");
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    public void One_level_of_either_factor_is_refused(int a, int b)
    {
        var obs = new List<(int, int, double)>();
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++) obs.Add((i, j, i + j));
        obs.AddRange(obs.ToList());
        var act = () => TwoWayAnova.Of(obs);
        act.Should().Throw<ArgumentException>().WithMessage("*two levels*");
        TwoWayAnova.TryOf(obs).Should().BeNull();
    }

    [Fact]
    public void The_smallest_design_2x2_with_one_observation_per_cell_has_one_error_df()
    {
        // Grand mean 3.25; A means 1.5, 5 -> SS_A = 12.25; B means 2, 4.5 -> SS_B = 6.25; SS_total = 20.75.
        var obs = new List<(int, int, double)> { (0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 1, 7) };
        var r = TwoWayAnova.Of(obs);
        r.ErrorDf.Should().Be(1);
        r.A.SumOfSquares.Should().BeApproximately(12.25, 1e-12);
        r.B.SumOfSquares.Should().BeApproximately(6.25, 1e-12);
        r.TotalSumOfSquares.Should().BeApproximately(20.75, 1e-12);
        r.ErrorSumOfSquares.Should().BeApproximately(2.25, 1e-12);
    }
}
