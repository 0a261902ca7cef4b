using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class CrystallizationOperatorTests
{
    [Theory]
    [InlineData(0.4, 0)]
    [InlineData(0.6, 1)]
    [InlineData(-0.6, -1)]
    [InlineData(1.7, 1)]
    [InlineData(-3.2, -1)]
    [InlineData(0.5, 0)]   // halves round to even, as torch.round does
    [InlineData(-0.5, 0)]
    [InlineData(1.5, 1)]   // round(1.5) = 2, then clamped to 1
    public void Q_rounds_to_the_nearest_lattice_point_and_clamps_to_minus_one_one(double x, double expected)
    {
        Discretizer.Q(x).Should().Be(expected);
    }

    [Fact]
    public void Delta_is_the_largest_distance_to_the_lattice()
    {
        var s = KnownSchemes.Strassen().Map(x => x == 1 ? 0.93 : x == -1 ? -1.04 : 0.02);
        Discretizer.Delta(s).Should().BeApproximately(0.07, 1e-12);
    }

    [Fact]
    public void Delta_counts_the_distance_from_a_coefficient_beyond_the_clamp()
    {
        var s = KnownSchemes.Strassen().Map(x => x == 1 ? 2.0 : x);
        Discretizer.Delta(s).Should().Be(1.0);
    }

    [Fact]
    public void Slot_importance_is_the_product_of_the_three_L2_norms()
    {
        var importance = SlotImportance.Of(KnownSchemes.Strassen());
        // M1 = (a11 + a22)(b11 + b22) feeds c11 and c22: sqrt2 * sqrt2 * sqrt2.
        importance[0].Should().BeApproximately(Math.Pow(2, 1.5), 1e-12);
        // M3 = a11 (b12 - b22) feeds c12 and c22: 1 * sqrt2 * sqrt2.
        importance[2].Should().BeApproximately(2.0, 1e-12);
    }

    [Fact]
    public void Sparsify_keeps_the_most_important_slots_in_their_original_order()
    {
        var s = KnownSchemes.Strassen();
        var padded = Pad(s, 0.01);
        Sparsifier.KeptSlots(padded, 7).Should().Equal(0, 1, 2, 3, 4, 5, 6);
        Sparsifier.KeepTop(padded, 7).CoefficientsEqual(s).Should().BeTrue();
    }

    [Fact]
    public void Sparsify_breaks_ties_by_the_lower_slot_index()
    {
        var naive = KnownSchemes.Naive(Shape.Square2); // every slot has importance 1
        Sparsifier.KeptSlots(naive, 3).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Canonical_form_ignores_slot_order_and_sign_gauge()
    {
        var s = KnownSchemes.Strassen();
        var moved = SchemeSymmetry.SignGauge(SchemeSymmetry.PermuteSlots(s, [6, 5, 4, 3, 2, 1, 0]), 2, 0);
        CanonicalForm.Of(moved).Should().Be(CanonicalForm.Of(s));
        CanonicalForm.IsStrassen(moved).Should().BeTrue();
    }

    [Fact]
    public void Winograd_variant_is_valid_but_not_Strassens_own_coefficients()
    {
        CanonicalForm.IsStrassen(KnownSchemes.Winograd()).Should().BeFalse();
    }

    [Fact]
    public void A_scheme_with_a_negated_slot_product_is_not_Strassen()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        for (int x = 0; x < 4; x++) u[3][x] = -u[3][x]; // flips the sign of M4: not a gauge symmetry
        var flipped = Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        CanonicalForm.IsStrassen(flipped).Should().BeFalse();
        BrentCheck.Exact(flipped).IsValid.Should().BeFalse();
    }

    [Fact]
    public void Canonical_form_round_trips_to_a_valid_scheme()
    {
        var canonical = CanonicalForm.Of(KnownSchemes.Winograd()).ToScheme();
        BrentCheck.Exact(canonical).IsValid.Should().BeTrue();
    }

    internal static Scheme Pad(Scheme s, double tiny)
    {
        var u = s.URows().Append([tiny, 0, 0, 0]).ToArray();
        var v = s.VRows().Append([0, tiny, 0, 0]).ToArray();
        var w = s.WRows().Select(row => row.Append(tiny).ToArray()).ToArray();
        return Scheme.FromRows(s.Shape, u, v, w);
    }
}
