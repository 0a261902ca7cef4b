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
}
