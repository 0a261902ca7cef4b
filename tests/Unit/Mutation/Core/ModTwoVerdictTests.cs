using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

/// <summary>Over F2 no real transfer runs and the residual is taken mod 2: nothing contradicts the verdict.</summary>
[Trait("Category", "Fast")]
public class ModTwoVerdictTests
{
    private static readonly VerificationOptions ModTwo = new() { Ring = Ring.F2, TransferLevels = [1, 2] };

    /// <summary>Strassen with W[1,2] = -1 in place of 1: valid mod 2 only, real residual 2.</summary>
    private static Scheme ValidOnlyModTwo()
    {
        var s = KnownSchemes.Strassen();
        var w = s.WRows();
        w[1][2] = -1;
        return Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
    }

    [Fact]
    public void A_scheme_valid_mod_2_has_no_transfer_a_zero_residual_and_says_VALID_mod_2()
    {
        var r = Verifier.Verify(ValidOnlyModTwo(), ModTwo);
        r.BrentValid.Should().BeTrue();
        r.BrentMaxResidual.Should().Be(0);
        r.Transfer.Should().BeEmpty();
        r.TransferOf.Should().Be("none");
        r.TransferSkipped.Should().Match("*F2*not run*");
        r.Valid.Should().BeTrue();
        r.Verdict.Should().Be("VALID mod 2");
    }

    [Fact]
    public void A_scheme_that_fails_mod_2_has_residual_1_and_says_NOT_VALID()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1;
        var r = Verifier.Verify(Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows()), ModTwo);
        r.BrentValid.Should().BeFalse();
        r.BrentMaxResidual.Should().Be(1);
        r.Transfer.Should().BeEmpty();
        r.Valid.Should().BeFalse();
        r.Verdict.Should().Be("NOT VALID");
    }

    [Fact]
    public void Over_Z_the_transfer_runs_and_nothing_is_skipped()
    {
        var r = Verifier.Verify(ValidOnlyModTwo(), ModTwo with { Ring = Ring.Z });
        r.BrentMaxResidual.Should().Be(2);
        r.Transfer.Should().HaveCount(2);
        r.TransferSkipped.Should().BeNull();
        r.Verdict.Should().Be("NOT VALID");
    }

    [Fact]
    public void Real_coefficients_are_refused_over_F2()
    {
        var act = () => Verifier.Verify(KnownSchemes.Strassen().Map(x => x * 1.01), ModTwo);
        act.Should().Throw<SchemeFormatException>().WithMessage("*F2*integer*");
    }
}
