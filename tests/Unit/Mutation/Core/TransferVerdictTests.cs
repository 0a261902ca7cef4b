using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class TransferVerdictTests
{
    /// <summary>
    /// Strassen plus three slots that cancel exactly, (K a11 + a12)(K b11) - (K a11)(K b11) - a12 (K b11),
    /// added to c11: valid over Z, but the cancellation loses about K^2 of precision per level.
    /// </summary>
    private static Scheme StrassenWithCancellation(double k)
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows().Concat([[k, 1, 0, 0], [k, 0, 0, 0], [0, 1, 0, 0]]).ToArray();
        var v = s.VRows().Concat([[k, 0, 0, 0], [k, 0, 0, 0], [k, 0, 0, 0]]).ToArray();
        var w = s.WRows().Select((row, z) => row.Concat(z == 0 ? [1, -1, -1] : new double[] { 0, 0, 0 }).ToArray()).ToArray();
        return Scheme.FromRows(Shape.Square2, u, v, w);
    }

    [Fact]
    public void An_exact_scheme_whose_float_transfer_fails_is_valid_and_said_to_be_unstable()
    {
        var r = Verifier.Verify(StrassenWithCancellation(300), new VerificationOptions { Rank = 10, TransferLevels = [1, 2] });
        r.BrentValid.Should().BeTrue();
        r.Transfer[0].Pass.Should().BeTrue("level 1 loses only about 300^2 ulps");
        r.Transfer[1].Pass.Should().BeFalse("level 2 loses about 300^4 ulps");
        r.ExactTransfer.Select(t => (t.Level, t.Holds)).Should().Equal((1, true), (2, true));
        r.Valid.Should().BeTrue("the verdict rests on the exact transfer; the float errors are measurements");
        r.Notes.Should().ContainSingle().Which.Should().StartWith("numerically unstable").And.Contain("at size 4");
    }

    [Fact]
    public void A_stable_exact_scheme_carries_no_note()
    {
        var r = Verifier.Verify(KnownSchemes.Strassen(), new VerificationOptions { TransferLevels = [1, 2] });
        r.Valid.Should().BeTrue();
        r.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Over_F2_the_transfer_does_not_decide_validity()
    {
        var r = Verifier.Verify(StrassenWithCancellation(300),
            new VerificationOptions { Rank = 10, TransferLevels = [1, 2], Ring = Ring.F2 });
        r.Valid.Should().BeTrue();
    }
}
