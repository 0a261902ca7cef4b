using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The findings box: each sentence from the numbers, each saying so when its data are missing.</summary>
[Trait("Category", "Fast")]
public class FindingsBoxTests
{
    static NumberTrace Number(string paper, Explained explained) => new()
    {
        Quantity = "q",
        Paper = paper,
        Reexecution = "r",
        Correct = "c",
        Explanation = "e",
        Explained = explained,
        Rule = "rule",
    };

    static readonly OneWayAnova.Result Anova = new(2.5, 0.01, 0.005, 9, 4990, 5000);

    static StudyFindings Study(BatchSizeEffect? effect = null, int traced = 3,
        IReadOnlyList<(string, NumberTrace)>? notTraced = null, IReadOnlyList<(string, NumberTrace)>? noScript = null) => new(
        [8, 16, 512],
        WilsonInterval.Of(28, 5000),
        WilsonInterval.Of(4700, 5000),
        effect ?? new BatchSizeEffect(3000, 8, 2000, 6, 1.0, Anova),
        traced,
        notTraced ?? [("C2", Number("F = 15.34, p < 1e-4 (Batch + Protocol)", Explained.NotTraced)), ("C1", Number("68% (133/195)", Explained.NotTraced))],
        noScript ?? [("C6", Number("the 32% failures", Explained.NoScript))]);

    [Fact]
    public void A_whole_study_gets_four_sentences_with_its_numbers()
    {
        var lines = FindingsBox.Lines(Study());
        lines.Should().Equal(
            "28 of 5,000 runs of the protocol (B from 8 to 512) round to Strassen's integer table (S = 1): 0.6% [0.4%, 0.8%] (Wilson 95%).",
            "4,700 of 5,000 are an exact integer scheme after lattice recovery, 94.0% [93.3%, 94.6%] (Wilson 95%): 4,672 of them an exact rank-7 algorithm in another basis.",
            "Batch size does not select success: success 0.3% with B in [24,128] (n = 3,000) against 0.3% outside (n = 2,000), Fisher p = 1; delta's ANOVA over B: eta^2 = 0.005.",
            "Of 3 paper numbers traced, the public scripts do not give C1 68%; C2 F = 15.34, p < 1e-4; and no script computes C6 the 32% failures.");
    }

    [Fact]
    public void The_batch_size_sentence_follows_the_C2_rule()
    {
        var p = FisherExactTest.Of(30, 10, 5, 35).TwoSided;
        FindingsBox.Lines(Study(new BatchSizeEffect(40, 30, 40, 5, p, Anova)))[2]
            .Should().StartWith("Batch size matters, as the paper says: success 75.0% with B in [24,128] (n = 40) against 12.5% outside");
        FindingsBox.Lines(Study(new BatchSizeEffect(3, 1, 40, 0, 0.07, Anova with { EtaSquared = double.NaN })))[2]
            .Should().Be("Too few runs to say whether batch size matters: success 33.3% with B in [24,128] (n = 3) against 0.0% outside (n = 40), Fisher p = 0.07.");
    }

    [Fact]
    public void Without_runs_of_the_design_the_box_says_it_measured_nothing()
    {
        var none = Study() with { IntegerTable = WilsonInterval.Of(0, 0), AfterRecovery = WilsonInterval.Of(0, 0), BatchSizes = [] };
        var lines = FindingsBox.Lines(none);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("No run of the protocol's design (C1/C2) is stored");
        lines[1].Should().StartWith("Of 3 paper numbers traced");
    }

    [Fact]
    public void The_trace_sentence_says_when_nothing_was_traced_or_everything_traced()
    {
        FindingsBox.Lines(Study(traced: 0, notTraced: [], noScript: []))[^1].Should().Be("No paper number was traced to the upstream scripts in this evaluation.");
        FindingsBox.Lines(Study(traced: 2, notTraced: [], noScript: []))[^1].Should().Be("Every paper number traced here (2) is what its upstream script computes.");
        FindingsBox.Lines(Study(notTraced: []))[^1].Should().Be("Of 3 paper numbers traced, no script computes C6 the 32% failures.");
        FindingsBox.Lines(Study(noScript: []))[^1].Should().Be("Of 3 paper numbers traced, the public scripts do not give C1 68%; C2 F = 15.34, p < 1e-4.");
    }

    [Fact]
    public void One_batch_size_is_named_alone()
    {
        FindingsBox.Lines(Study() with { BatchSizes = [32] })[0].Should().Contain("(B = 32)");
    }

    [Theory]
    [InlineData("68% (133/195)", "68%")]
    [InlineData("0%", "0%")]
    [InlineData("(all) of them", "(all) of them")]
    public void A_paper_figure_loses_its_parenthetical_detail(string paper, string figure) => FindingsBox.Figure(paper).Should().Be(figure);

    [Fact]
    public void The_title_says_when_the_report_claims_no_findings()
    {
        FindingsBox.Title(new ReportScope("quick", 10, 10)).Should().Be("What the study shows");
        FindingsBox.Title(new ReportScope("quick", 10, 4)).Should().Be("What the study shows (partial report: not findings)");
        FindingsBox.Title(new ReportScope("smoke", 10, 10)).Should().Be("What the study shows (mechanics only report: not findings)");
    }

    [Fact]
    public void The_findings_count_the_design_runs_only_and_collect_the_untraced_numbers()
    {
        var preset = StudyPreset.ByName("smoke");
        var design = SuccessDesign.Runs(preset).ToList();
        var runs = design.Select((c, i) => SyntheticRuns.Of(c, i < 2 ? Outcome.Discrete : Outcome.Continuous, i < 5 ? Outcome.Discrete : Outcome.Continuous))
            .Append(SyntheticRuns.At(8, 1e-4, 999, Outcome.Discrete))
            .ToDictionary(r => r.ConfigHash);
        ClaimResult Claim(string id, params NumberTrace[] numbers) => new()
        {
            Id = id,
            Title = "t",
            PaperSays = "p",
            WeMeasured = "w",
            Verdict = Verdict.Inconclusive,
            Rule = "r",
            Origin = numbers.Length == 0 ? null : new ClaimOrigin(id, numbers),
        };
        var results = new[]
        {
            Claim("C2", Number("a", Explained.NotTraced), Number("b", Explained.Traced)),
            Claim("C6", Number("c", Explained.NoScript)),
            Claim("C9"),
        };

        var f = StudyFindings.Of(new ClaimContext(preset, runs), results);

        f.BatchSizes.Should().Equal(16, 32, 64, 128, 256);
        (f.IntegerTable.Successes, f.IntegerTable.Trials).Should().Be((2, 10));
        (f.AfterRecovery.Successes, f.AfterRecovery.Trials).Should().Be((5, 10));
        (f.BatchSize.RunsInside + f.BatchSize.RunsOutside).Should().Be(10);
        f.TracedNumbers.Should().Be(3);
        f.NotTraced.Select(x => (x.ClaimId, x.Number.Paper)).Should().Equal(("C2", "a"));
        f.NoScript.Select(x => (x.ClaimId, x.Number.Paper)).Should().Equal(("C6", "c"));
    }

    [Fact]
    public void Both_pages_open_with_the_box_and_show_what_an_inconclusive_claim_needs()
    {
        var dir = Path.Combine(Path.GetTempPath(), "strassen-findings-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var context = new ReportContext("quick", "runs.db", 10, "abc", new Dictionary<string, string>(), DateTime.UnixEpoch,
                new ReportScope("quick", 10, 10));
            var claim = new ClaimResult
            {
                Id = "C5",
                Title = "t",
                PaperSays = "p",
                WeMeasured = "w",
                Verdict = Verdict.Inconclusive,
                Rule = "r",
                RunsToDecide = RunsToDecide.ForCount(10, 1, 3, "discrete runs"),
            };
            var written = ReportWriter.Write(dir, context, [claim], Study());
            var md = File.ReadAllText(written.Markdown);
            md.IndexOf("> **What the study shows**", StringComparison.Ordinal).Should().BeInRange(0, md.IndexOf("| preset |", StringComparison.Ordinal));
            md.Should().Contain("> - 28 of 5,000 runs of the protocol").And.Contain("**Runs to decide:** about 42 runs would let the rule decide (now 10)");
            var html = File.ReadAllText(written.Html);
            html.IndexOf("<div class=\"findings\">", StringComparison.Ordinal).Should().BeInRange(0, html.IndexOf("<table class=\"meta\">", StringComparison.Ordinal));
            html.Should().Contain("<li>28 of 5,000 runs of the protocol").And.Contain("<strong>Runs to decide:</strong> about 42 runs");
            using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(written.SummaryJson)))
            {
                json.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.GetString()).Should().Equal(FindingsBox.Lines(Study()));
                var row = json.RootElement.GetProperty("claims")[0];
                row.GetProperty("runsNeeded").GetInt32().Should().Be(42);
                row.GetProperty("runsToDecide").GetString().Should().StartWith("about 42 runs would let the rule decide");
            }

            var plain = File.ReadAllText(ReportWriter.Write(dir, context, [claim with { RunsToDecide = null }]).Markdown);
            plain.Should().NotContain("What the study shows").And.NotContain("Runs to decide");
            using var bare = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, ReportWriter.SummaryJsonFile)));
            bare.RootElement.GetProperty("findings").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
            bare.RootElement.GetProperty("claims")[0].GetProperty("runsNeeded").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
