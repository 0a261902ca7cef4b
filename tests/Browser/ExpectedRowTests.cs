using StrassenRepro.BrowserCheck;

namespace StrassenRepro.Tests.Browser;

/// <summary>Reading summary.json: colours only where a report states findings; a bad file is bad input.</summary>
[Trait("Category", "Fast")]
public class ExpectedRowTests
{
    private static string Summary(string json)
    {
        var path = Path.Combine(TempFolder.Create("browser-summary"), "summary.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Claims = """
        "claims": [
          {"id": "C1", "verdict": "not reproduced", "ruleVerdict": "not reproduced"},
          {"id": "C9", "verdict": "partial (rule: reproduced)", "ruleVerdict": "reproduced"}
        ]
        """;

    [Fact]
    public void A_whole_report_colours_each_verdict_by_its_rule() =>
        ExpectedRow.Read(Summary($$"""{"scope": "whole", {{Claims}}}""")).Should().Equal(
            new ExpectedRow("C1", "not reproduced", "not-reproduced"),
            new ExpectedRow("C9", "partial (rule: reproduced)", "reproduced"));

    [Theory]
    [InlineData("partial")]
    [InlineData("mechanics only")]
    public void A_report_that_claims_no_finding_greys_every_verdict(string scope) =>
        ExpectedRow.Read(Summary($$"""{"scope": "{{scope}}", {{Claims}}}"""))
            .Should().OnlyContain(r => r.VerdictClass == "not-a-finding").And.HaveCount(2);

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"scope": "whole"}""")]
    [InlineData("""{"scope": "whole", "claims": [{"id": "C1"}]}""")]
    [InlineData("[1, 2]")]
    public void A_file_that_is_not_a_report_summary_is_bad_input(string json)
    {
        var path = Summary(json);
        var read = () => ExpectedRow.Read(path);
        read.Should().Throw<CheckInputException>().WithMessage($"{path}: not a report summary (*)");
    }
}
