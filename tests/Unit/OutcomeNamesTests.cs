using System.Text.Json;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class OutcomeNamesTests
{
    [Theory]
    [InlineData(Outcome.Discrete, "discrete")]
    [InlineData(Outcome.Continuous, "continuous")]
    [InlineData(Outcome.Unconverged, "unconverged")]
    [InlineData(Outcome.Invalid, "invalid")]
    [InlineData(Outcome.Diverged, "diverged")]
    public void Every_outcome_keeps_the_wire_name_stored_runs_were_written_with(Outcome outcome, string name)
    {
        outcome.ToWire().Should().Be(name);
        OutcomeNames.FromWire(name).Should().Be(outcome);
        JsonSerializer.Serialize(outcome).Should().Be($"\"{name}\"");
        JsonSerializer.Deserialize<Outcome>($"\"{name}\"").Should().Be(outcome);
    }

    [Fact]
    public void All_lists_each_outcome_once_in_report_order() =>
        OutcomeNames.All.Should().Equal(Outcome.Discrete, Outcome.Continuous, Outcome.Unconverged, Outcome.Invalid, Outcome.Diverged);

    [Theory]
    [InlineData("Discrete")]
    [InlineData("crystallized")]
    [InlineData("")]
    public void A_name_no_outcome_has_is_refused(string name)
    {
        OutcomeNames.FromWire(name).Should().BeNull();
        var act = () => JsonSerializer.Deserialize<Outcome>($"\"{name}\"");
        act.Should().Throw<JsonException>().WithMessage($"*unknown outcome*");
    }
}
