using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class TransferCriteriaTests
{
    [Fact]
    public void The_relative_error_is_normwise()
    {
        TransferTest.RelativeError(1, 4).Should().Be(0.25);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    public void Against_an_all_zero_reference_the_relative_error_is_the_absolute_error(double abs)
    {
        TransferTest.RelativeError(abs, 0).Should().Be(abs);
    }

    [Fact]
    public void A_float64_relative_error_exactly_at_the_threshold_passes()
    {
        TransferTest.PassesF64(TransferTest.PassRelativeErrorF64).Should().BeTrue();
        TransferTest.PassesF64(Math.BitIncrement(TransferTest.PassRelativeErrorF64)).Should().BeFalse();
    }

    [Fact]
    public void The_paper_criterion_is_strictly_below_1e_5()
    {
        TransferTest.MeetsPaperCriterion(TransferTest.PaperCriterion).Should().BeFalse();
        TransferTest.MeetsPaperCriterion(Math.BitDecrement(TransferTest.PaperCriterion)).Should().BeTrue();
    }
}
