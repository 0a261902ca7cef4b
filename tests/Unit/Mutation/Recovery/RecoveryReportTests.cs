using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class RecoveryReportTests
{
    [Fact]
    public void A_successful_recovery_reports_the_recovered_scheme_as_rows()
    {
        var result = LatticeRecovery.TryRecover(KnownSchemes.Winograd());
        result.Succeeded.Should().BeTrue(result.Reason);
        var report = RecoveryReport.Of(result);
        report.Scheme.Should().NotBeNull();
        report.Scheme!.Shape.Should().Equal(2, 2, 2);
        report.Scheme.U.Should().BeEquivalentTo(result.Scheme!.URows(), o => o.WithStrictOrdering());
        report.Scheme.V.Should().BeEquivalentTo(result.Scheme.VRows(), o => o.WithStrictOrdering());
        report.Scheme.W.Should().BeEquivalentTo(result.Scheme.WRows(), o => o.WithStrictOrdering());
        report.ExactLabelings.Should().Be(result.ExactLabelings);
        report.Reason.Should().BeNull();
    }

    [Fact]
    public void A_failed_recovery_reports_no_scheme_and_its_reason()
    {
        var result = LatticeRecovery.TryRecover(KnownSchemes.Naive(Shape.Square2));
        var report = RecoveryReport.Of(result);
        report.Succeeded.Should().BeFalse();
        report.Scheme.Should().BeNull();
        report.Reason.Should().Be(result.Reason);
    }
}
