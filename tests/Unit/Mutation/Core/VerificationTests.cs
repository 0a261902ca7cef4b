using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class VerificationTests
{
    private static readonly VerificationOptions Small = new() { TransferLevels = [1, 2] };

    /// <summary>Strassen with one coefficient (U[0,1], a zero) replaced.</summary>
    private static Scheme StrassenWithU01(double value)
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = value;
        return Scheme.FromRows(Shape.Square2, u, s.VRows(), s.WRows());
    }

    [Fact]
    public void A_slightly_perturbed_Strassen_is_judged_and_transferred_as_its_rounded_scheme()
    {
        var perturbed = KnownSchemes.Strassen().Map(x => x * 1.01);
        var r = Verifier.Verify(perturbed, Small);
        r.BrentValid.Should().BeTrue();
        r.TransferOf.Should().Be("discretized");
        r.Transfer.Should().OnlyContain(t => t.Pass && t.MaxAbsErrorF64 < 1e-12);
        r.Valid.Should().BeTrue();
    }

    [Fact]
    public void A_residual_exactly_at_the_tolerance_still_counts_as_continuous()
    {
        // Q rounds every coefficient to 0; 0.4 is no fraction of denominator at most 2^10, so Q is what is checked.
        var halved = KnownSchemes.Strassen().Map(x => x * 0.4);
        double residual = BrentCheck.MaxResidual(halved);
        residual.Should().BeGreaterThan(0);
        Verifier.Verify(halved, Small with { ContinuousTolerance = residual }).Outcome.Should().Be(Outcome.Continuous);
        Verifier.Verify(halved, Small with { ContinuousTolerance = residual * 0.999 }).Outcome.Should().Be(Outcome.Unconverged);
    }

    [Fact]
    public void A_delta_exactly_at_the_margin_is_discretizable_and_one_beyond_is_not()
    {
        Verifier.Verify(KnownSchemes.Strassen(), Small).Discretizable.Should().BeTrue();
        var atMargin = Verifier.Verify(StrassenWithU01(0.1), Small);
        atMargin.Delta.Should().Be(Discretizer.DiscretizableMargin);
        atMargin.Discretizable.Should().BeTrue();
        Verifier.Verify(StrassenWithU01(0.2), Small).Discretizable.Should().BeFalse();
    }

    [Fact]
    public void Only_Strassen_itself_is_reported_as_canonical_Strassen()
    {
        Verifier.Verify(KnownSchemes.Strassen(), Small).CanonicalStrassen.Should().BeTrue();
        var winograd = Verifier.Verify(KnownSchemes.Winograd(), Small);
        winograd.Valid.Should().BeTrue();
        winograd.CanonicalStrassen.Should().BeFalse();
    }

    [Fact]
    public void One_kept_slot_is_a_legal_rank()
    {
        new VerificationOptions { Rank = 1 }.KeptSlotsFor(KnownSchemes.Strassen()).Should().Be(1);
    }

    [Theory]
    [InlineData(2, 2, 2, 8, 7)]
    [InlineData(2, 2, 2, 7, 7)]
    [InlineData(2, 2, 2, 6, 6)]
    [InlineData(2, 2, 3, 12, 12)]
    public void By_default_2x2_schemes_keep_at_most_7_slots_and_other_shapes_keep_all(int n, int m, int p, int rank, int kept)
    {
        var s = new Shape(n, m, p);
        var scheme = new Scheme(s, rank, new double[rank * s.ASize], new double[rank * s.BSize], new double[rank * s.CSize]);
        VerificationOptions.Default.KeptSlotsFor(scheme).Should().Be(kept);
    }

    [Fact]
    public void Sparsifying_to_zero_slots_keeps_none_and_a_negative_count_is_refused()
    {
        Sparsifier.KeptSlots(KnownSchemes.Strassen(), 0).Should().BeEmpty();
        var act = () => Sparsifier.KeptSlots(KnownSchemes.Strassen(), -1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static RecoveryReport Recovered(bool succeeded) =>
        new(true, succeeded, 0.1, null, null, null, null, null, null, null, false, 0, null);

    [Fact]
    public void A_scheme_is_obtained_when_valid_or_when_recovery_succeeded()
    {
        var valid = Verifier.Verify(KnownSchemes.Strassen(), Small);
        valid.Obtained.Should().BeTrue();
        var invalid = valid with { Valid = false };
        invalid.Obtained.Should().BeFalse();
        (invalid with { Recovery = Recovered(false) }).Obtained.Should().BeFalse();
        (invalid with { Recovery = Recovered(true) }).Obtained.Should().BeTrue();
        (valid with { Recovery = Recovered(false) }).Obtained.Should().BeTrue();
    }
}
