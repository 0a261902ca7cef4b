using System.Text.Json;
using System.Text.RegularExpressions;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The report folder: every file written, summary first, figures present, text escaped, nothing external.</summary>
[Trait("Category", "Fast")]
public sealed class ReportWriterTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "strassen-report-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    static readonly ReportContext Context = new(
        Preset: "quick",
        DatabasePath: "artifacts/runs.db",
        StoredRuns: 42,
        GitCommit: "0123456789abcdef",
        Versions: new Dictionary<string, string> { ["dotnet"] = "10.0.1", ["TorchSharp"] = "0.105.0" },
        GeneratedUtc: new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));

    static string Hash(int i) => $"{i:x4}" + new string('f', 60);

    /// <summary>Three claims given out of order (C10, C2, C1), with awkward text in every place text goes.</summary>
    static IReadOnlyList<ClaimResult> Claims() =>
    [
        new ClaimResult
        {
            Id = "C10", Title = "kappa predicts the outcome", PaperSays = "AUC 0.9", WeMeasured = "AUC 0.71 [0.60, 0.80]",
            Verdict = Verdict.Inconclusive, Rule = "inconclusive iff the CI contains 0.9 and 0.5",
            RunHashes = [.. Enumerable.Range(0, 30).Select(Hash)],
            Figures = [FigureRendererTests.SuccessByBatch(FigureKind.Scatter) with { Id = "c10-kappa-roc" }],
        },
        new ClaimResult
        {
            Id = "C2", Title = "success rises with batch size", PaperSays = "68% | overall", WeMeasured = "61%\nof 195 runs",
            Verdict = Verdict.NotReproduced, Rule = "reproduced iff p > 0.05 | two-sided",
            RunHashes = [Hash(1), Hash(2)],
            Tables = [new ReportTable("Success by B", ["B", "k/n | CI"], [["8", "3/15 | [0.07, 0.45]"], ["16", "line one\nline two"]])],
            Figures =
            [
                FigureRendererTests.SuccessByBatch(FigureKind.Bar) with { Id = "c2-success-by-batch" },
                FigureRendererTests.SuccessByBatch(FigureKind.Line) with
                {
                    Id = "c2-delta", Caption = "Median delta.",
                    Series = [new FigureSeries("delta", [8, 16, double.NaN], [0.1, double.NaN, 0.3])],
                },
            ],
            Notes = ["Variant A is the paper's wording.", "A note with <b>markup</b> & an ampersand"],
        },
        new ClaimResult
        {
            Id = "C1", Title = "<script>alert('x')</script>", PaperSays = "133 of 195 runs", WeMeasured = "130 of 195",
            Verdict = Verdict.Reproduced, Rule = "reproduced iff 0.68 lies in the Wilson 95% CI",
        },
    ];

    WrittenReport WriteReport() => ReportWriter.Write(_dir, Context, Claims());

    [Fact]
    public void Writing_creates_the_folder_and_every_file()
    {
        var report = WriteReport();

        File.Exists(Path.Combine(_dir, "report.md")).Should().BeTrue();
        File.Exists(Path.Combine(_dir, "index.html")).Should().BeTrue();
        File.Exists(Path.Combine(_dir, "summary.json")).Should().BeTrue();
        report.Figures.Select(Path.GetFileName).Should().BeEquivalentTo("c10-kappa-roc.png", "c2-success-by-batch.png", "c2-delta.png");
        foreach (var png in report.Figures)
            File.ReadAllBytes(png).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        Directory.EnumerateFiles(_dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void The_summary_table_comes_before_the_first_claim_section()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        int table = md.IndexOf("| claim | paper says | we measured | verdict | explained | rule |",
            StringComparison.Ordinal);
        int firstSection = md.IndexOf("\n## C", StringComparison.Ordinal);
        table.Should().BePositive();
        firstSection.Should().BeGreaterThan(table);
        md.IndexOf("<h2 id=\"summary\">", StringComparison.Ordinal).Should().Be(-1, "the markdown has no HTML heading");
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));
        html.IndexOf("<table class=\"summary\">", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<section", StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_appear_in_id_order_by_number()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        Regex.Matches(md, @"^## (C\d+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Should().Equal("C1", "C2", "C10");
        Regex.Matches(md, @"^\| (C\d+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Should().Equal("C1", "C2", "C10");
    }

    [Fact]
    public void Every_figure_the_markdown_links_exists_and_every_figure_is_linked()
    {
        var report = WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        var links = Regex.Matches(md, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        links.Should().HaveCount(3).And.OnlyContain(l => l.StartsWith("figures/") && l.EndsWith(".png"));
        links.Should().OnlyContain(l => File.Exists(Path.Combine(_dir, l)));
        links.Select(l => Path.GetFullPath(Path.Combine(_dir, l))).Should().BeEquivalentTo(report.Figures);
    }

    [Fact]
    public void The_html_is_self_contained()
    {
        WriteReport();
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));

        html.Should().NotContain("src=\"http").And.NotContain("<link").And.NotContain("href=\"http")
            .And.NotContain("<script").And.NotContain("url(").And.NotContain("@import");
        var images = Regex.Matches(html, "<img src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        images.Should().HaveCount(3);
        foreach (var src in images)
        {
            src.Should().StartWith("data:image/png;base64,");
            Convert.FromBase64String(src["data:image/png;base64,".Length..]).Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        }
    }

    [Fact]
    public void The_html_escapes_all_text()
    {
        WriteReport();
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));

        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.Should().Contain("A note with &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand");
        html.Should().Contain("line one<br>line two");
    }

    [Fact]
    public void Markdown_cells_escape_pipes_and_line_breaks()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        md.Should().Contain(@"| 8 | 3/15 \| [0.07, 0.45] |");
        md.Should().Contain("| 16 | line one<br>line two |");
        md.Should().Contain(@"| C2 success rises with batch size | 68% \| overall | 61%<br>of 195 runs "
            + @"| not reproduced | - | reproduced iff p > 0.05 \| two-sided |");
        // Every table line has as many unescaped pipes as its header: no cell broke out.
        foreach (var line in md.Split('\n').Where(l => l.StartsWith("| C") || l.StartsWith("| 8") || l.StartsWith("| 16")))
            Regex.Matches(line, @"(?<!\\)\|").Count.Should().BeOneOf(3, 7);
    }

    [Fact]
    public void Markdown_text_cannot_open_html_tags()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        md.Should().Contain("- A note with &lt;b>markup&lt;/b> & an ampersand");
        md.Should().Contain("## C1: &lt;script>alert('x')&lt;/script>");
        md.Should().NotContain("<script");
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("one\ntwo\r\nthree", "one<br>two<br>three")]
    [InlineData("  padded  ", "padded")]
    [InlineData("", "")]
    [InlineData("<b>bold</b> but p < 0.05", "&lt;b>bold&lt;/b> but p < 0.05")]
    public void A_markdown_cell_is_escaped(string text, string cell) => MarkdownText.Cell(text).Should().Be(cell);

    [Theory]
    [InlineData(Verdict.Reproduced, "reproduced")]
    [InlineData(Verdict.NotReproduced, "not reproduced")]
    [InlineData(Verdict.Inconclusive, "inconclusive")]
    public void The_verdict_text_is_the_enum_wire_name_everywhere(Verdict verdict, string text)
    {
        verdict.ToWire().Should().Be(text);
        var claim = Claims()[2] with { Verdict = verdict };
        ReportWriter.Write(_dir, Context, [claim]);

        File.ReadAllText(Path.Combine(_dir, "report.md")).Should().Contain($"| {text} |").And.Contain($"**Verdict: {text}**");
        File.ReadAllText(Path.Combine(_dir, "index.html")).Should().Contain($">{text}</td>");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        json.RootElement.GetProperty("claims")[0].GetProperty("verdict").GetString().Should().Be(text);
        json.RootElement.GetProperty("claims")[0].GetProperty("ruleVerdict").GetString().Should().Be(text);
    }

    [Fact]
    public void The_summary_json_names_the_commit_that_trained_the_runs_beside_the_one_that_wrote_it()
    {
        ReportWriter.Write(_dir, Context with { TrainedBy = "d685d0a" }, Claims());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        json.RootElement.GetProperty("gitCommit").GetString().Should().Be("d685d0a");
        json.RootElement.GetProperty("reportCommit").GetString().Should().Be("0123456789abcdef");
    }

    [Fact]
    public void The_summary_json_has_one_row_per_claim_with_every_field()
    {
        WriteReport();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));

        json.RootElement.EnumerateObject().Select(p => p.Name).Should()
            .Equal("preset", "scope", "partial", "plannedRuns", "storedRuns", "note", "command", "gitCommit",
                "reportCommit", "claims", "findings");
        json.RootElement.GetProperty("command").GetString().Should().Be("strassen-repro reproduce --preset quick");
        // No stored runs named a commit here: the report's own stands for both.
        json.RootElement.GetProperty("gitCommit").GetString().Should().Be("0123456789abcdef");
        json.RootElement.GetProperty("reportCommit").GetString().Should().Be("0123456789abcdef");
        json.RootElement.GetProperty("scope").GetString().Should().Be("whole");
        json.RootElement.GetProperty("partial").GetBoolean().Should().BeFalse();
        var rows = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("id").GetString()).Should().Equal("C1", "C2", "C10");
        foreach (var r in rows)
            r.EnumerateObject().Select(p => p.Name).Should()
                .Equal("id", "title", "paperSays", "weMeasured", "verdict", "ruleVerdict", "rule", "explained",
                    "ruleExplained", "origin", "runsNeeded", "runsToDecide");
        rows[1].GetProperty("paperSays").GetString().Should().Be("68% | overall");
        rows[1].GetProperty("rule").GetString().Should().Be("reproduced iff p > 0.05 | two-sided");
    }

    [Theory]
    [InlineData("quick", 20, 10, "partial: 10 of 20 planned runs stored -> verdicts are not findings",
        "partial (rule: not reproduced)", true)]
    [InlineData("smoke", 20, 20, "preset: smoke -> verdicts are mechanics only (20 of 20 planned runs stored)",
        "mechanics only (rule: not reproduced)", false)]
    public void A_partial_or_smoke_report_says_so_in_its_header_summary_json_and_every_verdict(
        string preset, int planned, int stored, string note, string verdict, bool partial)
    {
        var scope = new ReportScope(preset, planned, stored);
        ReportWriter.Write(_dir, Context with { Preset = preset, Scope = scope }, [Claims()[1]]);

        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));
        md.Should().Contain($"> **{note}**").And.Contain($"| scope | {note} |").And.Contain($"| {verdict} |")
            .And.Contain($"**Verdict: {verdict}**").And.NotContain("| not reproduced |");
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));
        html.Should().Contain($"<p class=\"scope\">{System.Net.WebUtility.HtmlEncode(note)}</p>")
            .And.Contain($"<td class=\"verdict not-a-finding\">{verdict}</td>")
            .And.NotContain("class=\"verdict not-reproduced\"");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        json.RootElement.GetProperty("partial").GetBoolean().Should().Be(partial);
        json.RootElement.GetProperty("note").GetString().Should().Be(note);
        json.RootElement.GetProperty("claims")[0].GetProperty("verdict").GetString().Should().Be(verdict);
        scope.FindsFailure([Claims()[1]]).Should().BeFalse("a report that is not whole claims no finding");
        new ReportScope("quick", planned, planned).FindsFailure([Claims()[1]]).Should().BeTrue();
    }

    [Fact]
    public void The_header_names_the_data_behind_the_report()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        md.Should().Contain("| preset | quick |").And.Contain("| database | artifacts/runs.db |")
            .And.Contain("| stored runs | 42 |").And.Contain("| git commit | 0123456789abcdef |")
            .And.Contain("| version: TorchSharp | 0.105.0 |").And.Contain("| generated | 2026-11-23 12:00:00 UTC |");
        md.IndexOf("| preset |", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## Summary", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_hashes_are_shortened_and_long_lists_folded()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));
        var c2 = md[md.IndexOf("## C2:", StringComparison.Ordinal)..md.IndexOf("## C10:", StringComparison.Ordinal)];
        var c10 = md[md.IndexOf("## C10:", StringComparison.Ordinal)..];

        c2.Should().Contain($"**Runs used (2):** `{Hash(1)[..12]}` `{Hash(2)[..12]}`").And.NotContain("<details>");
        c10.Should().Contain("<details>").And.Contain("Runs used (30;").And.Contain($"`{Hash(29)[..12]}`");
        md.Should().NotContain(Hash(1)[..13]);
        File.ReadAllText(Path.Combine(_dir, "index.html")).Should().Contain("<details><summary>Runs used (30;");
    }

    [Fact]
    public void Points_left_out_of_a_figure_are_noted_in_its_caption()
    {
        WriteReport();
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));

        md.Should().Contain("Median delta. 2 point(s) not drawn");
    }

    [Fact]
    public void Rewriting_replaces_the_report_and_drops_figures_no_claim_has_any_more()
    {
        WriteReport();
        ReportWriter.Write(_dir, Context, [Claims()[0]]);

        Directory.EnumerateFiles(Path.Combine(_dir, "figures")).Select(Path.GetFileName).Should().Equal("c10-kappa-roc.png");
        File.ReadAllText(Path.Combine(_dir, "report.md")).Should().NotContain("## C2:");
    }

    [Fact]
    public void Figure_ids_become_safe_unique_file_names()
    {
        var f = FigureRendererTests.SuccessByBatch(FigureKind.Line);
        var claims = new[]
        {
            Claims()[2] with { Figures = [f with { Id = "../evil name" }, f with { Id = "../evil name" }, f with { Id = "" }] },
        };

        var report = ReportWriter.Write(_dir, Context, claims);

        report.Figures.Select(Path.GetFileName).Should().Equal("evil-name.png", "evil-name-2.png", "C1-figure.png");
        report.Figures.Should().OnlyContain(p => Path.GetDirectoryName(p) == Path.Combine(_dir, "figures"));
    }

    [Fact]
    public void A_report_without_claims_is_still_written()
    {
        var report = ReportWriter.Write(Path.Combine(_dir, "nested", "out"), Context, []);

        File.ReadAllText(report.Markdown).Should().Contain("No claim was evaluated.");
        using var json = JsonDocument.Parse(File.ReadAllText(report.SummaryJson));
        json.RootElement.GetProperty("claims").GetArrayLength().Should().Be(0);
        report.Figures.Should().BeEmpty();
    }

    [Fact]
    public void The_summary_table_renders_alone()
    {
        var md = SummaryTable.ToMarkdown(Claims(), Context.Coverage);
        var lines = md.TrimEnd().Split('\n');

        lines[0].Should().Be("| claim | paper says | we measured | verdict | explained | rule |");
        lines[1].Should().Be("|---|---|---|---|---|---|");
        lines.Should().HaveCount(2 + 3);
        lines[2].Should().StartWith("| C1 ");
    }

    [Fact]
    public void Claim_ids_sort_by_number()
    {
        new[] { "C12", "C2", "C10", "C1", "C4b", "C4" }.Order(ClaimOrder.Instance)
            .Should().Equal("C1", "C2", "C4", "C4b", "C10", "C12");
    }
}
