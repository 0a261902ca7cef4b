namespace StrassenRepro.Tests.Browser;

/// <summary>strassen-repro-browser-check on bad input: one line on stderr, exit code 2, no browser started.</summary>
[Trait("Category", "Fast")]
public class CheckCommandInputTests
{
    private static string ReportFolder(bool withSummary = true)
    {
        var folder = TempFolder.Create("browser-input");
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!DOCTYPE html><title>t</title>");
        if (withSummary)
            File.WriteAllText(Path.Combine(folder, "summary.json"), """{"scope": "whole", "claims": []}""");
        return folder;
    }

    [Fact]
    public async Task A_missing_folder_a_folder_without_summary_and_an_unknown_option_exit_2_with_one_line()
    {
        var noFolder = TempFolder.Path("browser-none");
        var noSummary = ReportFolder(withSummary: false);
        foreach (var (args, message) in new[]
                 {
                     (new[] { noFolder }, $"{noFolder}: no such folder"),
                     ([noSummary], $"{noSummary}: no summary.json (a report folder holds index.html and summary.json)"),
                     ([ReportFolder(), "--colour"], "Unrecognized command or argument '--colour'. (see --help)"),
                 })
        {
            var run = await CheckCommand.RunAsync(args);
            run.ExitCode.Should().Be(2);
            run.StdOut.Should().BeEmpty();
            run.StdErr.Should().Be($"strassen-repro-browser-check: {message}\n");
        }
    }

    [Fact]
    public async Task No_chromium_at_the_named_path_exits_2_with_one_line()
    {
        var run = await CheckCommand.RunAsync(ReportFolder(), "--chromium", "/no/such/chromium");
        run.ExitCode.Should().Be(2);
        run.StdErr.Should().Be("strassen-repro-browser-check: no Chromium at /no/such/chromium\n");
    }
}
