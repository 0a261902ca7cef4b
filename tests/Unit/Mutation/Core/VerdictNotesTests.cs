using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

/// <summary>The sentences beside a verdict, each pinned to the case that makes it.</summary>
[Trait("Category", "Fast")]
public class VerdictNotesTests
{
    private static readonly VerificationOptions TwoLevels = new() { TransferLevels = [1, 2] };

    private static Scheme StrassenWithCancellation(double k)
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows().Concat([[k, 1, 0, 0], [k, 0, 0, 0], [0, 1, 0, 0]]).ToArray();
        var v = s.VRows().Concat([[k, 0, 0, 0], [k, 0, 0, 0], [k, 0, 0, 0]]).ToArray();
        var w = s.WRows().Select((row, z) => row.Concat(z == 0 ? [1, -1, -1] : new double[] { 0, 0, 0 }).ToArray()).ToArray();
        return Scheme.FromRows(Shape.Square2, u, v, w);
    }

    [Fact]
    public void The_unstable_note_names_the_worst_size_and_the_criterion()
    {
        var r = Verifier.Verify(StrassenWithCancellation(300), new VerificationOptions { Rank = 10, TransferLevels = [1, 2, 3] });
        var worst = r.Transfer.MaxBy(t => t.MaxRelErrorF64)!;
        worst.N.Should().Be(8);
        r.Notes.Should().Equal(
            "numerically unstable: the scheme is exact (the exact transfer holds at every size), but its float64 " +
            $"relative error reaches {worst.MaxRelErrorF64.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture)} " +
            "at size 8, over 1.00e-09: its coefficients amplify rounding");
    }

    [Fact]
    public void A_contradiction_between_the_two_exact_checks_is_said_to_be_a_defect_and_nothing_else()
    {
        var judgement = Judgement.Of(KnownSchemes.Strassen(), Ring.Z);
        var floats = TransferTest.Run(StrassenWithCancellation(300), [1, 2]);
        ExactTransferRow Row(int level, bool holds) => new(level, 1 << level, 1 << level, 1 << level, holds, holds ? 0 : 3,
            ExactTransferArithmetic.Int64);
        var notes = VerdictNotes.Of(judgement, Outcome.Discrete, floats, [Row(1, true), Row(2, false)], 0, 1e-3);
        notes.Should().Equal("the Brent equations hold, yet the exact transfer differs from A B in 3 entries at size 4: " +
                             "the two exact checks contradict each other, a defect of this harness (please report it)");
    }

    [Fact]
    public void A_poor_float_transfer_of_a_scheme_that_is_not_exact_is_no_instability()
    {
        var judgement = Judgement.Of(KnownSchemes.Strassen().Map(x => x * 0.3), Ring.Z);
        judgement.Brent.IsValid.Should().BeFalse();
        var floats = TransferTest.Run(StrassenWithCancellation(300), [1, 2]);
        VerdictNotes.Of(judgement, Outcome.Invalid, floats, [], 0.5, 1e-3).Should().BeEmpty();
    }

    [Fact]
    public void Continuous_notes_say_which_kind_of_continuous()
    {
        var scaled = SchemeSymmetry.ScaleSlot(KnownSchemes.Strassen(), 0, 0.4, 1);
        var real = Verifier.Verify(scaled.Map(x => x + 1e-7), TwoLevels);
        real.Outcome.Should().Be(Outcome.Continuous);
        real.Notes.Should().ContainSingle().Which.Should().MatchRegex(
            @"^continuous: Q of the kept slots fails \d+ of 64 Brent equations, yet the un-rounded slots satisfy them " +
            @"to \d\.\d\de-0\d \(tolerance 1\.00e-03\): an exact algorithm off the integer lattice, most likely an " +
            "integer scheme in another basis$");
        var half = RationalScheme.FromDyadic(SchemeSymmetry.ScaleSlot(KnownSchemes.Strassen(), 0, 0.5, 1))!;
        var exact = Verifier.Verify(half.ToScheme(), TwoLevels, declared: half);
        exact.Outcome.Should().Be(Outcome.Continuous);
        exact.Notes.Should().Equal("continuous: the scheme is exact as given, but Q (rounding to {-1, 0, 1}) breaks it, " +
                                   "so S(theta) = 0 as the paper defines it");
    }

    [Fact]
    public void An_unconverged_run_says_by_how_much_it_misses()
    {
        var r = Verifier.Verify(KnownSchemes.Strassen().Map(x => x * 0.3), TwoLevels);
        r.Outcome.Should().Be(Outcome.Unconverged);
        r.Notes.Should().ContainSingle().Which.Should().MatchRegex(
            @"^unconverged: Q of the kept slots fails \d+ of 64 Brent equations and the un-rounded slots miss them by " +
            @"\d\.\d\de-0\d, over the tolerance 1\.00e-03$");
    }
}
