using StrassenRepro.Cli;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>The console's report: the findings box first, then one short row per claim, no line over 99 characters.</summary>
[Trait("Category", "Fast")]
public class ReportTextTests
{
    static ClaimResult Claim(string id, Verdict verdict, string measured, string? headline = null, RunsToDecide? need = null) => new()
    {
        Id = id,
        Title = "t",
        PaperSays = "p",
        WeMeasured = measured,
        Headline = headline,
        Verdict = verdict,
        Rule = "r",
        RunsToDecide = need,
    };

    static readonly string Long = string.Join(" ", Enumerable.Repeat("word", 60));

    [Fact]
    public void Rows_are_short_whatever_the_claims_measured()
    {
        var claims = new[]
        {
            Claim("C10", Verdict.NotReproduced, "0/50 = 0.0% [0.0%, 7.1%]; the rest"),
            Claim("C2", Verdict.NotReproduced, Long, headline: "0.3% in [24,128] vs 0.3% outside"),
            Claim("C5", Verdict.Inconclusive, Long, need: new RunsToDecide(10, 1_605, "b")),
        };
        var rows = ReportText.Table(claims, new ReportScope("quick", 1, 1));
        rows.Should().HaveCount(4).And.OnlyContain(r => r.Length <= ReportText.Width);
        rows[0].Should().Be("claim  verdict         measured");
        rows[1].Should().Be("C2     not reproduced  0.3% in [24,128] vs 0.3% outside");
        rows[2].Should().StartWith("C5     inconclusive    word word").And.EndWith("word...; needs ~1,605 runs");
        rows[3].Should().Be("C10    not reproduced  0/50 = 0.0% [0.0%, 7.1%]");
    }

    [Fact]
    public void Outside_a_whole_report_the_header_says_the_verdicts_are_the_rules_only()
    {
        var rows = ReportText.Table([Claim("C1", Verdict.Inconclusive, "x")], new ReportScope("smoke", 1, 1));
        rows[0].Should().Be("claim  verdict (mechanics only)  measured");
        rows[1].Should().Be("C1     inconclusive              x");
    }

    [Theory]
    [InlineData("abc def ghi", 11, "abc def ghi")]
    [InlineData("abc def ghi", 10, "abc def...")]
    [InlineData("abc def ghi", 7, "abc...")]
    [InlineData("abc, def ghi", 9, "abc...")]
    [InlineData("abcdefghij", 6, "abc...")]
    [InlineData("abcdefghij", 2, "...")]
    public void Clipping_keeps_whole_words(string text, int width, string clipped) =>
        ReportText.Clip(text, width).Should().Be(clipped);

    [Fact]
    public void Wrapping_keeps_every_word_and_indents_the_rest()
    {
        var lines = ReportText.Wrap(Long, "  - ", "    ").ToList();
        lines.Should().HaveCountGreaterThan(2).And.OnlyContain(l => l.Length <= ReportText.Width);
        lines[0].Should().StartWith("  - word");
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith("    word", StringComparison.Ordinal));
        string.Join(" ", lines.Select(l => l.Trim().TrimStart('-').Trim())).Should().Be(Long);
        ReportText.Wrap("short", "- ", "  ").Should().Equal("- short");
    }

    [Fact]
    public void The_report_command_prints_the_box_then_the_compact_table()
    {
        var dir = TempFolder.Create("cli-report-text");
        var db = Path.Combine(dir, "runs.db");
        using (var store = RunStore.Open(db)) store.SetMeta(RunStore.StudyPresetKey, "quick");

        var result = CliRunner.Run("report", "--db", db, "--out", dir, "--claims", "C11");

        var lines = result.StdOut.TrimEnd().Split('\n');
        lines[0].Should().Be("What the study shows (partial report: not findings)");
        lines[1].Should().StartWith("  - No run of the protocol's design (C1/C2) is stored");
        // The box and the table; the report's path and the conclusion after them are as long as they are.
        lines.TakeWhile(l => !l.StartsWith("Report ", StringComparison.Ordinal)).Should()
            .OnlyContain(l => l.Length <= ReportText.Width).And.NotContain(l => l.StartsWith('|'));
        lines.Should().Contain("claim  verdict (partial)  measured")
            .And.Contain(l => l.StartsWith("C11    inconclusive       no runs; needs ~10 runs", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(dir, "report.md")).Should().Contain("> **What the study shows (partial report: not findings)**");
    }
}
