using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

/// <summary>How recovery builds, counts and chooses among the 216 labelings' candidates.</summary>
[Trait("Category", "Fast")]
public class LatticeRecoveryCandidateTests
{
    [Fact]
    public void Every_one_of_the_216_labelings_of_Strassens_own_scheme_gives_an_exact_integer_scheme()
    {
        // The stabiliser of each frame is realised by integer unimodular matrices, so no labeling is lost.
        var result = LatticeRecovery.TryRecover(KnownSchemes.Strassen());
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeTrue(result.Reason);
        result.ExactLabelings.Should().Be(216);
    }

    [Fact]
    public void Every_labeling_of_a_point_far_out_in_Strassens_orbit_gives_an_exact_integer_scheme()
    {
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(KnownSchemes.Winograd(), seed: 21, maxCondition: 20));
        result.Succeeded.Should().BeTrue(result.Reason);
        result.ExactLabelings.Should().Be(216);
    }

    [Fact]
    public void A_candidate_exactly_at_the_rounding_margin_bound_is_accepted()
    {
        var result = LatticeRecovery.TryRecover(LatticeRecoveryReasonTests.WithW(KnownSchemes.Strassen(), (0, 0, 0.25)));
        result.Succeeded.Should().BeTrue(result.Reason);
        result.RoundingMargin.Should().Be(LatticeRecovery.MaxRoundingMargin);
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 0, 0.01)]
    [InlineData(0, 2, 0.01)]
    [InlineData(1, 1, 0.03)]
    public void Of_the_labelings_that_give_Strassen_the_one_closest_to_its_rounding_is_reported(int z, int r, double delta)
    {
        // Only W is perturbed, so the directions and hence the frames are exact: the identity labeling is off by
        // delta, every other labeling that lands on Strassen mixes the perturbed entry into others.
        var result = LatticeRecovery.TryRecover(LatticeRecoveryReasonTests.WithW(KnownSchemes.Strassen(), (z, r, delta)));
        result.Succeeded.Should().BeTrue(result.Reason);
        result.CanonicalStrassen.Should().BeTrue();
        result.RoundingMargin!.Value.Should().BeApproximately(delta, 1e-12);
    }

    [Fact]
    public void When_Strassen_labelings_round_differently_the_closest_one_is_reported()
    {
        // M1's W column off by 0.01 at c11 and 0.02 at c12: the identity labeling is 0.02 from Strassen, another
        // labeling that also lands on Strassen adds the two errors into one coefficient (0.03).
        var input = LatticeRecoveryReasonTests.WithW(KnownSchemes.Strassen(), (0, 0, 0.01), (1, 0, 0.02));
        var result = LatticeRecovery.TryRecover(input);
        result.Succeeded.Should().BeTrue(result.Reason);
        result.CanonicalStrassen.Should().BeTrue();
        result.RoundingMargin!.Value.Should().BeApproximately(0.02, 1e-12);
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(11UL)]
    [InlineData(17UL)]
    public void The_recovered_scheme_has_no_negative_zero_coefficients(ulong seed)
    {
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(KnownSchemes.Strassen(), seed, maxCondition: 10, noise: 1e-6));
        result.Succeeded.Should().BeTrue(result.Reason);
        result.Scheme!.Coefficients().Should().NotContain(x => x == 0 && double.IsNegative(x));
    }

    [Theory]
    [InlineData(0.5, 2.0)]      // [1, 1/2, 0, 1] times 2, W column halved: integral
    [InlineData(1.0 / 3, 3.0)] // times 3, W column divided by 3: integral
    [InlineData(0.25, 4.5)]    // times 4, W column 4.5 / 4 = 1.125: 0.125 from its rounding
    [InlineData(0.5, 2.0, 3.0)] // the slot three times as large: its largest entry is brought to 1 first
    public void A_slot_with_fractional_entries_is_scaled_by_the_smallest_multiple_up_to_four_that_makes_it_integral(double fraction, double wColumn, double size = 1)
    {
        // Strassen's rank-two U slot a11 + a22 gets a fractional a12 entry and its W column (c11, c22) a matching
        // size. Only a scaled candidate rounds closely (its rounding then fails the Brent check, so the reason
        // gives no margin); left unscaled, every candidate is more than 0.25 from its rounding.
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0] = [size, size * fraction, 0, size];
        var w = s.WRows();
        w[0][0] = wColumn / size;
        w[3][0] = wColumn / size;
        var result = LatticeRecovery.TryRecover(Scheme.FromRows(s.Shape, u, s.VRows(), w));
        result.Attempted.Should().BeTrue();
        result.Reason.Should().Be("no labeling gives an exact scheme");
    }
}
