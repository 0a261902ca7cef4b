using System.Text.Json;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>
/// The report's "Where the paper's numbers come from": one row per traced number after the summary, a subsection in the
/// claim, and explained beside the verdict in summary.json, all computed from the traces.
/// </summary>
[Trait("Category", "Fast")]
public sealed class OriginReportTests : IDisposable
{
    private readonly string _dir = TempFolder.Create("origin-report");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static NumberTrace Number(Explained e, params Citation[] sources) => new()
    {
        Quantity = "success under noise",
        Paper = "0% at every sigma",
        Sources = sources,
        Reexecution = "0/100 on the script's constant",
        Correct = "100/100 on Strassen",
        Explanation = "M1 = A11 <b>",
        Explained = e,
        Rule = "traced iff 0% is in the interval",
    };

    private static ClaimResult Claim(string id, params NumberTrace[] numbers) => new()
    {
        Id = id,
        Title = "t",
        PaperSays = "p",
        WeMeasured = "m",
        Verdict = Verdict.NotReproduced,
        Rule = "r",
        Origin = new ClaimOrigin(id, numbers),
        OriginTables = [new ReportTable("noise table", ["sigma", "success"], [["0.001", "0/100"]])],
        OriginNotes = ["a note"],
    };

    private static ReportContext Context(ReportScope scope) => new("quick", "runs.db", 1, "0123",
        new Dictionary<string, string>(), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), scope);

    [Fact]
    public void A_claim_is_not_traced_if_any_scripted_number_fails_else_traced_if_any_traces_else_no_script()
    {
        var script = new Citation("a.py", "1-2");
        new ClaimOrigin("C1", [Number(Explained.Traced, script), Number(Explained.NoScript)]).Explained.Should()
            .Be(Explained.Traced);
        new ClaimOrigin("C1", [Number(Explained.Traced, script), Number(Explained.NotTraced, script)]).Explained
            .Should().Be(Explained.NotTraced);
        new ClaimOrigin("C1", [Number(Explained.NoScript)]).Explained.Should().Be(Explained.NoScript);
        new ClaimOrigin("C1", []).Explained.Should().Be(Explained.NoScript);
        ExplainedNames.Decide(hasScript: false, agrees: true).Should().Be(Explained.NoScript);
        ExplainedNames.Decide(hasScript: true, agrees: false).Should().Be(Explained.NotTraced);
        ExplainedNames.Decide(hasScript: true, agrees: true).Should().Be(Explained.Traced);
        new Citation("a.py", "").ToString().Should().Be("a.py");
        script.ToString().Should().Be("a.py:1-2");
    }

    [Fact]
    public void The_section_follows_the_summary_and_each_claim_has_its_traces_and_tables()
    {
        var scope = new ReportScope("quick", 1, 1);
        ReportWriter.Write(_dir, Context(scope),
            [Claim("C4", Number(Explained.Traced, new Citation("v.py", "125-159")))]);
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));
        int summary = md.IndexOf("## Summary", StringComparison.Ordinal);
        int section = md.IndexOf("## Where the paper's numbers come from", StringComparison.Ordinal);
        int claim = md.IndexOf("## C4:", StringComparison.Ordinal);
        section.Should().BeGreaterThan(summary).And.BeLessThan(claim);
        md.Should().Contain("| C4 (traced) | success under noise: 0% at every sigma | v.py:125-159 | 0/100 on the "
            + "script's constant |")
            .And.Contain("### Where the paper's numbers come from: traced")
            .And.Contain("#### noise table").And.Contain("- a note").And.Contain("M1 = A11 &lt;b>")
            .And.Contain("| not reproduced | traced |");
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));
        html.Should().Contain("<h2 id=\"origins\">Where the paper&#39;s numbers come from</h2>")
            .And.Contain("<code>v.py:125-159</code>").And.Contain("M1 = A11 &lt;b&gt;").And.NotContain("<b>");
    }

    [Fact]
    public void Summary_json_carries_explained_beside_the_verdict_and_every_number()
    {
        ReportWriter.Write(_dir, Context(new ReportScope("quick", 1, 1)),
            [Claim("C2", Number(Explained.NotTraced, new Citation("r.py", "306-398")), Number(Explained.NoScript))]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        var row = json.RootElement.GetProperty("claims")[0];
        row.GetProperty("explained").GetString().Should().Be("not traced");
        row.GetProperty("ruleExplained").GetString().Should().Be("not traced");
        var numbers = row.GetProperty("origin").EnumerateArray().ToList();
        numbers.Should().HaveCount(2);
        numbers[0].EnumerateObject().Select(p => p.Name).Should()
            .Equal("quantity", "paper", "sources", "reexecution", "correct", "explanation", "explained", "rule");
        numbers[0].GetProperty("sources")[0].GetString().Should().Be("r.py:306-398");
        numbers[1].GetProperty("sources").GetArrayLength().Should().Be(0);
        numbers[1].GetProperty("explained").GetString().Should().Be("no script");
    }

    [Fact]
    public void A_smoke_report_qualifies_explained_like_a_verdict_and_an_untraced_claim_has_null()
    {
        ReportWriter.Write(_dir, Context(new ReportScope("smoke", 1, 1)),
            [Claim("C4", Number(Explained.Traced, new Citation("v.py", "1"))), Claim("C5") with { Origin = null }]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        var rows = json.RootElement.GetProperty("claims");
        rows[0].GetProperty("explained").GetString().Should().Be("mechanics only (rule: traced)");
        rows[0].GetProperty("ruleExplained").GetString().Should().Be("traced");
        rows[1].GetProperty("explained").ValueKind.Should().Be(JsonValueKind.Null);
        File.ReadAllText(Path.Combine(_dir, "report.md")).Should().Contain("| C4 (mechanics only (rule: traced)) |");
    }
}
