using System.Buffers.Binary;
using System.Text.RegularExpressions;
using StrassenRepro.BrowserCheck;

namespace StrassenRepro.Tests.Browser;

/// <summary>
/// The smoke report's index.html in headless Chromium, from file://: what a reader sees, and that each kind of
/// breakage (a figure path, a link, a script, the summary table) fails the check with a line naming it.
/// </summary>
[Trait("Category", "Browser")]
public partial class ReportInBrowserTests(SmokeReport report) : IClassFixture<SmokeReport>
{
    private static readonly string[] ClaimIds = [.. Enumerable.Range(1, 12).Select(i => $"C{i}")];

    [GeneratedRegex("src=\"data:image/png;base64,[^\"]*\"")]
    private static partial Regex InlineFigure();

    private static string FirstFigureTo(string html, string src) => InlineFigure().Replace(html, $"src=\"{src}\"", 1);

    [Fact]
    public async Task The_smoke_report_from_file_shows_every_figure_link_and_claim_without_a_console_error()
    {
        var folder = report.Copy();
        var screenshot = Path.Combine(folder, "screenshots", "report.png");

        var result = await ReportPageCheck.RunAsync(folder, screenshot);

        result.Problems.Should().BeEmpty();
        result.Url.Should().Be(new Uri(Path.Combine(folder, "index.html")).AbsoluteUri).And.StartWith("file:///");
        var figures = Directory.GetFiles(Path.Combine(folder, "figures"), "*.png");
        result.Page.Images.Should().HaveCount(figures.Length).And.OnlyContain(i => i.Loaded);
        figures.Should().NotBeEmpty();
        result.Page.Links.Select(l => l.Href).Should().Equal(ClaimIds.Select(id => $"#{id.ToLowerInvariant()}"));
        result.Page.Links.Should().OnlyContain(l => l.Resolves);
        result.Page.Rows.Select(r => r.Id).Should().Equal(ClaimIds);
        // A smoke report claims no finding: every verdict is grey, whatever its rule said.
        result.Page.Rows.Should().OnlyContain(r => r.Classes.Contains("not-a-finding"));
        var (width, height) = PngSize(screenshot);
        width.Should().Be(1280);
        height.Should().BeGreaterThan(900, "a full-page screenshot is taller than the window");
    }

    [Fact]
    public async Task The_page_works_after_its_folder_moves_with_a_figure_by_relative_path()
    {
        var folder = report.Copy();
        SmokeReport.EditPage(folder, html => FirstFigureTo(html, "figures/c4-noise.png"));
        var moved = TempFolder.Path("browser-moved");
        Directory.Move(folder, moved);

        var result = await ReportPageCheck.RunAsync(moved);

        Directory.Exists(folder).Should().BeFalse();
        result.Problems.Should().BeEmpty();
        result.Page.Images.Should().ContainSingle(i => i.Src == "figures/c4-noise.png").Which.Loaded.Should().BeTrue();
    }

    [Fact]
    public async Task A_broken_figure_path_fails_the_check_with_a_line_naming_the_image()
    {
        var folder = report.Copy();
        SmokeReport.EditPage(folder, html => FirstFigureTo(html, "figures/no-such-figure.png"));

        var result = await ReportPageCheck.RunAsync(folder);

        result.Passed.Should().BeFalse();
        result.Problems.Should()
            .Contain(p => p.StartsWith("image figures/no-such-figure.png (") && p.EndsWith("did not load"));
        result.Problems.Should().Contain("figures/no-such-figure.png failed to load: net::ERR_FILE_NOT_FOUND");
    }

    [Fact]
    public async Task A_figure_by_absolute_path_loads_but_fails_the_check()
    {
        var folder = report.Copy();
        var absolute = new Uri(Path.Combine(folder, "figures", "c4-noise.png")).AbsoluteUri;
        SmokeReport.EditPage(folder, html => FirstFigureTo(html, absolute));

        var result = await ReportPageCheck.RunAsync(folder);

        result.Page.Images.Should().ContainSingle(i => i.Src == absolute).Which.Loaded.Should().BeTrue();
        result.Problems.Should().Equal($"{absolute} is an absolute address: the page breaks when its folder moves");
    }

    [Fact]
    public async Task A_link_to_a_missing_section_fails_the_check()
    {
        var folder = report.Copy();
        SmokeReport.EditPage(folder, html => html.Replace("href=\"#c7\"", "href=\"#c99\""));

        var result = await ReportPageCheck.RunAsync(folder);

        result.Problems.Should().Equal("link #c99 points at no element of the page");
    }

    [Fact]
    public async Task Console_and_script_errors_fail_the_check()
    {
        var folder = report.Copy();
        SmokeReport.EditPage(folder, html => html.Replace("</body>",
            "<script>console.error('deliberate');</script><script>notDefinedAnywhere();</script></body>"));

        var result = await ReportPageCheck.RunAsync(folder);

        result.Problems.Should().Contain(p => p.StartsWith("console error: deliberate (index.html:"));
        result.Problems.Should().Contain(p => p.StartsWith("script error: ") && p.Contains("notDefinedAnywhere"));
    }

    [Fact]
    public async Task A_summary_table_that_differs_from_summary_json_fails_the_check()
    {
        var folder = report.Copy();
        SmokeReport.EditPage(folder, html => new Regex("<tr><td><a href=\"#c12\">.*?</tr>\n").Replace(
            html.Replace("<td class=\"verdict not-a-finding\">", "<td class=\"verdict reproduced\">"), "", 1));

        var result = await ReportPageCheck.RunAsync(folder);

        result.Problems.Should().Contain("the summary table has 11 rows, summary.json 12 claims");
        result.Problems.Should()
            .Contain("summary row C1: the verdict cell's class is \"verdict reproduced\", not \"not-a-finding\"");
    }

    [Fact]
    public async Task The_command_passes_the_report_saves_the_screenshot_and_exits_1_on_a_broken_page()
    {
        var folder = report.Copy();
        var screenshot = Path.Combine(folder, "report.png");

        var passed = await CheckCommand.RunAsync(folder, "--screenshot", screenshot);
        SmokeReport.EditPage(folder, html => FirstFigureTo(html, "figures/no-such-figure.png"));
        var failed = await CheckCommand.RunAsync(folder);

        passed.ExitCode.Should().Be(0, passed.StdErr);
        passed.StdOut.Should().EndWith($"12 summary rows; no problem; screenshot {screenshot}\n");
        PngSize(screenshot).Height.Should().BeGreaterThan(900);
        failed.ExitCode.Should().Be(1);
        failed.StdOut.Should().Contain("strassen-repro-browser-check: image figures/no-such-figure.png (");
    }

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian).</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        var head = File.ReadAllBytes(path).AsSpan(0, 24);
        head[..8].ToArray().Should().Equal(137, 80, 78, 71, 13, 10, 26, 10);
        return (BinaryPrimitives.ReadInt32BigEndian(head[16..]), BinaryPrimitives.ReadInt32BigEndian(head[20..]));
    }
}
