using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

/// <summary>The slot-major factors of AlternatingRounding: indexing, fixing, balancing, the residual and its guards.</summary>
[Trait("Category", "Fast")]
public class AlternatingFactorsTests
{
    [Fact]
    public void Every_coefficient_is_read_at_its_slot_and_column()
    {
        var s = KnownSchemes.Strassen();
        var f = AlternatingFactors.Of(s);
        for (int r = 0; r < 7; r++)
            for (int c = 0; c < 4; c++)
            {
                f[0, r, c].Should().Be(s.U(r, c));
                f[1, r, c].Should().Be(s.V(r, c));
                f[2, r, c].Should().Be(s.W(c, r));
                f.IsFixed(1, r, c).Should().BeFalse();
            }
    }

    [Fact]
    public void A_fix_is_reported_at_its_own_slot_and_column()
    {
        // V of <1,1,2> has width 2; only V[slot 1, column 1] is near the grid.
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 2), 2, [0.5, 0.5], [0.5, 0.5, 0.5, 0.99], [0.5, 0.5, 0.5, 0.5]));
        f.FixNearGrid(0.05, 1).Should().Be(1);
        f.IsFixed(1, 1, 1).Should().BeTrue();
        f.IsFixed(1, 1, 0).Should().BeFalse();
        f.IsFixed(1, 0, 1).Should().BeFalse();
        f[1, 1, 1].Should().Be(1);
    }

    [Fact]
    public void Random_factors_have_the_given_spread()
    {
        var f = AlternatingFactors.Random(new Shape(3, 3, 3), 23, 0.5, new GaussianSource(11)).ToScheme();
        var all = f.UFlat.ToArray().Concat(f.VFlat.ToArray()).ToArray();
        double meanSquare = all.Select(x => x * x).Average();
        meanSquare.Should().BeInRange(0.2, 0.3, "414 draws of N(0, 0.5^2)");
    }

    [Fact]
    public void A_coefficient_exactly_at_the_tolerance_is_fixed()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 1), 1, [0.75], [0.5], [0.5]));
        f.FixNearGrid(0.25, 1).Should().Be(1, "|0.75 - 1| = 0.25 exactly, within a tolerance of 0.25");
    }

    [Fact]
    public void Ties_are_fixed_by_factor_then_by_index()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 2), 1, [0.5], [1.25, 0.75], [0.75, 0.5]));
        f.FixNearGrid(0.3, 1, limit: 1).Should().Be(1);
        f.IsFixed(1, 0, 0).Should().BeTrue("V before W at one distance, and column 0 before column 1");
        f.FixNearGrid(0.3, 1, limit: 1).Should().Be(1);
        f.IsFixed(1, 0, 1).Should().BeTrue();
        f.IsFixed(2, 0, 0).Should().BeFalse();
    }

    [Fact]
    public void Balancing_uses_the_geometric_mean_and_skips_a_slot_with_a_zero_factor()
    {
        // Slot 0: norms 8, 2, 0.5 -> each 2 (the cube root of 8). Slot 1 has a zero factor: no scale to share.
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 1), 2, [8, 0], [2, 3], [0.5, 3]));
        f.Balance();
        f[0, 0, 0].Should().BeApproximately(2, 1e-12);
        f[1, 0, 0].Should().BeApproximately(2, 1e-12);
        f[2, 0, 0].Should().BeApproximately(2, 1e-12);
        (f[0, 1, 0], f[1, 1, 0], f[2, 1, 0]).Should().Be((0.0, 3.0, 3.0));
    }

    [Fact]
    public void Balancing_keeps_the_scale_of_a_slot_with_a_fixed_coefficient()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 1), 1, [0.98], [5], [7]));
        f.FixNearGrid(0.05, 1).Should().Be(1);
        f.Balance();
        (f[0, 0, 0], f[1, 0, 0], f[2, 0, 0]).Should().Be((1.0, 5.0, 7.0));
    }

    [Fact]
    public void Balancing_reaches_the_later_slots()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 2), 2, [1, 8], [1, 0, 1, 0], [1, 0, 0, 0.125]));
        f.Balance();
        f[0, 1, 0].Should().BeApproximately(1, 1e-12);
        f[1, 1, 0].Should().BeApproximately(1, 1e-12);
        f[2, 1, 1].Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void An_update_recovers_a_perturbed_factor_from_the_two_exact_ones()
    {
        var s = KnownSchemes.Strassen();
        var random = new GaussianSource(2);
        var perturbedU = s.UFlat.ToArray().Select(x => x + 0.2 * random.NextGaussian()).ToArray();
        var f = AlternatingFactors.Of(new Scheme(s.Shape, 7, perturbedU, s.VFlat.ToArray(), s.WFlat.ToArray()));
        f.Residual().Max.Should().BeGreaterThan(0.01);
        f.Update(0, 0, 0, 0, 1);
        f.Residual().Max.Should().BeLessThan(1e-9);
        for (int r = 0; r < 7; r++)
            for (int c = 0; c < 4; c++) f[0, r, c].Should().BeApproximately(s.U(r, c), 1e-9);
    }

    [Fact]
    public void A_residual_that_overflows_is_infinite()
    {
        var s = KnownSchemes.Strassen();
        var u = s.UFlat.ToArray();
        u[0] = 1e200;
        var w = s.WFlat.ToArray().Select(x => x == 0 ? x : 1e200 * x).ToArray();
        var f = AlternatingFactors.Of(new Scheme(s.Shape, 7, u, s.VFlat.ToArray(), w));
        f.IsFinite.Should().BeTrue();
        f.Residual().Should().Be((double.PositiveInfinity, double.PositiveInfinity));
    }

    [Fact]
    public void The_scheme_of_the_current_values_keeps_them_unrounded()
    {
        var f = AlternatingFactors.Of(new Scheme(new Shape(1, 1, 1), 1, [0.96], [1.5], [-3.2]));
        var s = f.ToScheme();
        (s.U(0, 0), s.V(0, 0), s.W(0, 0)).Should().Be((0.96, 1.5, -3.2));
        var rounded = f.ToScheme(rounded: true, 2);
        (rounded.U(0, 0), rounded.V(0, 0), rounded.W(0, 0)).Should().Be((1.0, 2.0, -2.0));
    }
}
