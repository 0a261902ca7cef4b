using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class AlternatingRoundingTests
{
    [Fact]
    public void Factors_of_an_exact_scheme_have_no_residual_and_round_trip()
    {
        var s = KnownSchemes.Strassen();
        var f = AlternatingFactors.Of(s);
        f.Residual().Should().Be((0.0, 0.0));
        f.ToScheme().CoefficientsEqual(s).Should().BeTrue();
        f.CoefficientCount.Should().Be(84);
        f.Width(0).Should().Be(4);
        f[2, 0, 0].Should().Be(s.W(0, 0));
        f.GridDistance(1).Should().Be(0);
    }

    [Fact]
    public void The_residual_of_a_missing_slot_is_that_slot()
    {
        var s = KnownSchemes.Naive(new Shape(1, 1, 2));
        var f = AlternatingFactors.Of(new Scheme(s.Shape, 2, [1, 1], [1, 0, 0, 0], [1, 0, 0, 0]));
        f.Residual().Should().Be((1.0, 1.0));
    }

    [Fact]
    public void An_update_solves_one_factor_exactly_when_the_others_are_exact()
    {
        var s = KnownSchemes.Strassen();
        var f = AlternatingFactors.Of(s.Map(x => x));
        for (int k = 0; k < 3; k++)
        {
            f.Update(k, 0, 0, 0, 1);
            f.Residual().Max.Should().BeLessThan(1e-12);
        }
    }

    [Fact]
    public void A_noisy_Strassen_rounds_back_to_an_exact_integer_scheme()
    {
        var random = new GaussianSource(7);
        var noisy = KnownSchemes.Strassen().Map(x => x + 0.03 * random.NextGaussian());
        var found = AlternatingRounding.TryRound(noisy, new AlternatingRoundingOptions());
        found.Should().NotBeNull();
        BrentCheck.IsValid(found!).Should().BeTrue();
        found!.Rank.Should().Be(7);
    }

    [Fact]
    public void Coefficients_far_from_any_scheme_give_nothing()
    {
        var f = AlternatingFactors.Random(new Shape(2, 2, 2), 6, 0.5, new GaussianSource(3));
        AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 50 }).Should().BeNull("rank 6 has no scheme");
    }

    [Fact]
    public void Fixing_snaps_only_coefficients_within_tolerance_and_they_stay()
    {
        var s = new Scheme(new Shape(1, 1, 1), 1, [0.96], [1.2], [-3.01]);
        var f = AlternatingFactors.Of(s);
        f.FixNearGrid(0.05, 2).Should().Be(1);
        f.IsFixed(0, 0, 0).Should().BeTrue();
        f.IsFixed(1, 0, 0).Should().BeFalse();
        f.IsFixed(2, 0, 0).Should().BeFalse("-3 is beyond magnitude 2");
        f[0, 0, 0].Should().Be(1);
        f.FixedCount.Should().Be(1);
        f.Update(0, 0, 0, 0, 2);
        f[0, 0, 0].Should().Be(1, "a fixed coefficient is not re-solved");
        f.GridDistance(2).Should().BeApproximately(1.01, 1e-12);
    }

    [Fact]
    public void A_limit_fixes_the_nearest_first()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 1), 1, [0.97], [1.01], [-0.98]));
        f.FixNearGrid(0.05, 1, limit: 1).Should().Be(1);
        f.IsFixed(1, 0, 0).Should().BeTrue("1.01 is the nearest");
        f.FixedCount.Should().Be(1);
        f.FixNearGrid(0.05, 1, limit: 5).Should().Be(2);
        f.FixedCount.Should().Be(3);
    }

    [Fact]
    public void Refit_sweeps_keep_an_exact_scheme_exact()
    {
        var found = AlternatingRounding.TryRound(KnownSchemes.Strassen(), new AlternatingRoundingOptions { RefitSweeps = 2, FixPerSweep = 10 });
        found.Should().NotBeNull();
        found!.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Theory]
    [InlineData(0.49, 1, 0)]
    [InlineData(0.51, 1, 1)]
    [InlineData(-2.6, 2, -2)]
    [InlineData(7.2, 4, 4)]
    public void The_grid_is_the_nearest_integer_within_the_magnitude(double x, int max, double grid) =>
        AlternatingFactors.Grid(x, max).Should().Be(grid);

    [Fact]
    public void Balancing_equalises_slot_norms_and_keeps_the_product()
    {
        var s = new Scheme(new Shape(1, 1, 1), 1, [8], [1], [0.125]);
        var f = AlternatingFactors.Of(s);
        f.Balance();
        f[0, 0, 0].Should().BeApproximately(1, 1e-12);
        f[1, 0, 0].Should().BeApproximately(1, 1e-12);
        f[2, 0, 0].Should().BeApproximately(1, 1e-12);
        f.Residual().Max.Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Random_factors_are_a_function_of_the_source()
    {
        var a = AlternatingFactors.Random(new Shape(2, 2, 3), 11, 0.5, new GaussianSource(5)).ToScheme();
        var b = AlternatingFactors.Random(new Shape(2, 2, 3), 11, 0.5, new GaussianSource(5)).ToScheme();
        var c = AlternatingFactors.Random(new Shape(2, 2, 3), 11, 0.5, new GaussianSource(6)).ToScheme();
        a.CoefficientsEqual(b).Should().BeTrue();
        a.CoefficientsEqual(c).Should().BeFalse();
        a.ToScheme_rounded_is_integral();
    }
}

internal static class SchemeChecks
{
    public static void ToScheme_rounded_is_integral(this Scheme s) =>
        AlternatingFactors.Of(s).ToScheme(rounded: true, 1).IsIntegral.Should().BeTrue();
}

/// <summary>The sweep loop of AlternatingRounding: how many sweeps, when it fixes, what it returns.</summary>
[Trait("Category", "Fast")]
public class AlternatingRoundingLoopTests
{
    /// <summary>Strassen with one U coefficient 0.1 off: beyond the fixing tolerance until an update re-solves it.</summary>
    private static AlternatingFactors OneOff()
    {
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        u[0] += 0.1;
        return AlternatingFactors.Of(new Scheme(s.Shape, 7, u, s.VFlat.ToArray(), s.WFlat.ToArray()));
    }

    [Fact]
    public void One_sweep_re_solves_the_factors_and_then_fixes_every_coefficient()
    {
        var f = OneOff();
        var found = AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 1, Pull = 0 });
        f.FixedCount.Should().Be(84, "the update brings the off coefficient back within 0.05, and the residual is 0");
        found!.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void At_most_the_given_sweeps_run_and_each_fixes_at_most_its_share()
    {
        var f = OneOff();
        AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 3, FixPerSweep = 2, Pull = 0 });
        f.FixedCount.Should().Be(6);
        var none = OneOff();
        AlternatingRounding.TryRound(none, new AlternatingRoundingOptions { Sweeps = 0 });
        none.FixedCount.Should().Be(0);
        none[0, 0, 0].Should().Be(KnownSchemes.Strassen().U(0, 0) + 0.1, "no sweep, no update");
    }

    [Fact]
    public void Nothing_is_fixed_while_the_residual_is_above_the_limit()
    {
        var f = OneOff();
        var found = AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 5, FixResidual = -1 });
        f.FixedCount.Should().Be(0);
        found.Should().NotBeNull("rounding every coefficient still gives Strassen");
    }

    [Fact]
    public void The_result_is_the_rounded_scheme_never_the_unrounded_one()
    {
        var s = KnownSchemes.Strassen();
        var f = AlternatingFactors.Of(s.Map(x => x == 0 ? 0.01 : x));
        var found = AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 0 });
        found.Should().NotBeNull();
        found!.CoefficientsEqual(s).Should().BeTrue();
        f[0, 0, 1].Should().Be(0.01, "the factors are left where the sweeps left them");
    }

    [Fact]
    public void An_invalid_rounding_gives_nothing()
    {
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        u[0] = -1;
        AlternatingRounding.TryRound(new Scheme(s.Shape, 7, u, s.VFlat.ToArray(), s.WFlat.ToArray()),
            new AlternatingRoundingOptions { Sweeps = 0 }).Should().BeNull();
    }

    [Fact]
    public void A_cancelled_token_stops_before_the_first_sweep()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var act = () => AlternatingRounding.TryRound(OneOff(), new AlternatingRoundingOptions(), cancel.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Balancing_every_sweep_shares_a_slots_scale()
    {
        // Slot 0 of Strassen scaled 4, 1, 1/4: balancing gives each factor norm 1 times its own, and rounding Strassen.
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        var w = s.WFlat.ToArray();
        for (int x = 0; x < 4; x++) u[x] *= 4;
        for (int z = 0; z < 4; z++) w[z * 7] *= 0.25;
        var f = AlternatingFactors.Of(new Scheme(s.Shape, 7, u, s.VFlat.ToArray(), w));
        AlternatingRounding.TryRound(f, new AlternatingRoundingOptions { Sweeps = 1, FixResidual = -1, BalanceEvery = 1, Pull = 0 })
            .Should().NotBeNull();
        f[0, 0, 0].Should().BeApproximately(1, 1e-9);
        var unbalanced = AlternatingFactors.Of(new Scheme(s.Shape, 7, u, s.VFlat.ToArray(), w));
        AlternatingRounding.TryRound(unbalanced, new AlternatingRoundingOptions { Sweeps = 1, FixResidual = -1, BalanceEvery = 0, Pull = 0 });
        Math.Abs(unbalanced[0, 0, 0]).Should().BeGreaterThan(2, "without balancing the scale stays where the updates put it");
    }
}
