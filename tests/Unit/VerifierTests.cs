using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class VerifierTests
{
    private static readonly VerificationOptions Small = new() { TransferLevels = [1, 2, 3] };

    [Fact]
    public void Strassen_is_discrete_canonical_and_transfers()
    {
        var r = Verifier.Verify(KnownSchemes.Strassen(), Small);
        r.Outcome.Should().Be(Outcome.Discrete);
        r.STheta.Should().Be(1);
        r.Delta.Should().Be(0);
        r.CanonicalStrassen.Should().BeTrue();
        r.Transfer.Should().OnlyContain(t => t.Pass);
        r.Valid.Should().BeTrue();
    }

    [Fact]
    public void A_trained_like_scheme_within_the_margin_crystallizes_after_pruning_the_eighth_slot()
    {
        var noisy = Perturb(CrystallizationOperatorTests.Pad(KnownSchemes.Strassen(), 0.05), 0.3, seed: 7);
        var r = Verifier.Verify(noisy, Small);
        r.Slots.Should().Be(8);
        r.KeptSlots.Should().Be(7);
        r.KeptSlotIndices.Should().Equal(0, 1, 2, 3, 4, 5, 6);
        var kept = r.KeptOf(noisy);
        kept.Rank.Should().Be(7);
        kept.UFlat.ToArray().Should().Equal(noisy.SelectSlots([0, 1, 2, 3, 4, 5, 6]).UFlat.ToArray());
        kept.WFlat.ToArray().Should().Equal(noisy.SelectSlots([0, 1, 2, 3, 4, 5, 6]).WFlat.ToArray());
        r.Delta.Should().BeGreaterThan(0).And.BeLessThan(0.3);
        r.Outcome.Should().Be(Outcome.Discrete);
        r.TransferOf.Should().Be("discretized");
    }

    [Fact]
    public void An_integer_near_miss_is_invalid()
    {
        var s = KnownSchemes.Strassen();
        var v = s.VRows();
        v[4][3] = 0;
        var r = Verifier.Verify(Scheme.FromRows(s.Shape, s.URows(), v, s.WRows()), Small);
        r.Outcome.Should().Be(Outcome.Invalid);
        r.STheta.Should().Be(0);
        r.Valid.Should().BeFalse();
        r.Transfer.Should().OnlyContain(t => !t.Pass);
    }

    [Fact]
    public void An_exact_scheme_off_the_lattice_is_continuous()
    {
        // A basis change with a non-integer matrix keeps the scheme exact but moves it off the lattice.
        double[,] p = { { 0.8, 0.45 }, { -0.3, 1.1 } }, q = { { 1.2, -0.4 }, { 0.35, 0.9 } }, i = { { 1, 0 }, { 0, 1 } };
        var moved = SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), p, q, i);
        var r = Verifier.Verify(moved, Small);
        r.Outcome.Should().Be(Outcome.Continuous);
        r.STheta.Should().Be(0);
        r.BrentMaxResidual.Should().BeLessThan(1e-12);
        r.TransferOf.Should().Be("unrounded");
        r.Transfer.Should().OnlyContain(t => t.Pass, "an exact real scheme computes the product at every size");
        r.Valid.Should().BeFalse("S = 0: it does not round to an integer scheme");
    }

    [Fact]
    public void A_far_off_scheme_is_unconverged()
    {
        var r = Verifier.Verify(Perturb(KnownSchemes.Strassen(), 0.9, seed: 3), Small);
        r.Outcome.Should().Be(Outcome.Unconverged);
    }

    [Fact]
    public void The_naive_scheme_fails_when_pruned_to_seven_slots_and_passes_with_rank_8()
    {
        var naive = KnownSchemes.Naive(Shape.Square2);
        Verifier.Verify(naive, Small).Valid.Should().BeFalse();
        Verifier.Verify(naive, Small with { Rank = 8 }).Valid.Should().BeTrue();
    }

    [Fact]
    public void A_rank_outside_the_slots_is_bad_input()
    {
        var act = () => Verifier.Verify(KnownSchemes.Strassen(), Small with { Rank = 9 });
        act.Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void Integer_coefficients_beyond_one_are_checked_as_given_not_clamped()
    {
        // Scaling U_r by 2 and V_r by -1 and W_r by -1/2 is not integral; instead use two slots combined:
        // M1 scaled by 2 in U and 1/2 in W would be non-integral too, so build a valid scheme with a 2:
        // the basis change P = [[1, 2], [0, 1]] is unimodular and introduces +-2 coefficients.
        double[,] p = { { 1, 2 }, { 0, 1 } }, i = { { 1, 0 }, { 0, 1 } };
        var moved = SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), p, i, i);
        moved.Coefficients().Should().Contain(c => Math.Abs(c) == 2);
        var r = Verifier.Verify(moved, Small);
        r.InputIntegral.Should().BeTrue();
        r.Outcome.Should().Be(Outcome.Discrete);
        r.Valid.Should().BeTrue();
    }

    [Fact]
    public void Ring_F2_accepts_a_scheme_valid_only_mod_2()
    {
        var s = KnownSchemes.Strassen();
        var w = s.WRows();
        w[1][2] = -1; // -1 = 1 mod 2
        var modTwo = Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
        Verifier.Verify(modTwo, Small with { Ring = Ring.F2 }).Valid.Should().BeTrue();
        Verifier.Verify(modTwo, Small).Valid.Should().BeFalse();
    }

    internal static Scheme Perturb(Scheme s, double amplitude, int seed)
    {
        var rng = new Random(seed);
        return s.Map(x => x + amplitude * (2 * rng.NextDouble() - 1));
    }
}
