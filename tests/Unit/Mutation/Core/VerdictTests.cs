using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

/// <summary>The verdict line of a record follows Valid and a successful recovery, as the exit code does.</summary>
[Trait("Category", "Fast")]
public class VerdictTests
{
    private static readonly VerificationOptions Small = new() { TransferLevels = [1] };

    private static RecoveryReport Recovery(bool succeeded) =>
        new(true, succeeded, 0, null, null, null, null, null, null, null, false, 0, succeeded ? null : "no labeling");

    [Fact]
    public void A_valid_scheme_says_VALID_whatever_recovery_did()
    {
        var r = Verifier.Verify(KnownSchemes.Strassen(), Small);
        r.Verdict.Should().Be("VALID");
        (r with { Recovery = Recovery(false) }).Verdict.Should().Be("VALID");
    }

    [Fact]
    public void An_invalid_scheme_says_VALID_after_recovery_only_when_recovery_succeeded()
    {
        var r = Verifier.Verify(KnownSchemes.Strassen().Map(x => x * 0.4), Small);
        r.Verdict.Should().Be("NOT VALID");
        r.Obtained.Should().BeFalse();
        (r with { Recovery = Recovery(false) }).Verdict.Should().Be("NOT VALID");
        var recovered = r with { Recovery = Recovery(true) };
        recovered.Verdict.Should().Be("VALID after recovery");
        recovered.Obtained.Should().BeTrue();
    }
}

[Trait("Category", "Fast")]
public class InputVerdictTests
{
    [Fact]
    public void The_input_verdict_ignores_recovery_and_a_set_verdict_is_what_the_record_says()
    {
        var small = new VerificationOptions { TransferLevels = [1] };
        var r = Verifier.Verify(KnownSchemes.Strassen().Map(x => x * 0.4), small);
        var succeeded = new RecoveryReport(true, true, 0, null, null, null, null, null, null, null, false, 0, null);
        var recovered = r with { Recovery = succeeded };
        recovered.Verdict.Should().Be("VALID after recovery");
        recovered.InputVerdict.Should().Be("NOT VALID");
        (recovered with { Verdict = recovered.InputVerdict }).Verdict.Should().Be("NOT VALID");
        Verifier.Verify(KnownSchemes.Strassen(), small).InputVerdict.Should().Be("VALID");
    }
}
