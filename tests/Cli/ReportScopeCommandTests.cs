using System.Text.Json;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>A smoke or partial report claims no finding: it says so in its last line and JSON, and exits 0.</summary>
[Trait("Category", "Fast")]
public class ReportScopeCommandTests
{
    private static string TempDir() => TempFolder.Path("cli-scope");

    private static (JsonElement Json, CliRunner.Result Text) Both(params string[] args)
    {
        var json = CliRunner.Run([.. args, "--json"]);
        var text = CliRunner.Run(args);
        json.ExitCode.Should().Be(text.ExitCode, "--json changes the output, not the verdict");
        return (JsonDocument.Parse(json.StdOut).RootElement, text);
    }

    private static void LastLineJsonAndExitAgree(JsonElement json, CliRunner.Result text, int exitCode)
    {
        text.ExitCode.Should().Be(exitCode, text.StdErr);
        json.GetProperty("exitCode").GetInt32().Should().Be(exitCode);
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be(json.GetProperty("conclusion").GetString())
            .And.EndWith($"; exit {exitCode}");
    }

    [Fact]
    public void A_smoke_report_gives_mechanics_only_verdicts_and_exit_0()
    {
        var dir = TempDir();
        CliRunner.Run("reproduce", "--preset", "smoke", "--claims", "C11", "--out", dir, "--threads", "1")
            .ExitCode.Should().Be(0);
        var (json, text) = Both("report", "--db", Path.Combine(dir, "runs.db"), "--out", dir, "--claims", "C11");

        LastLineJsonAndExitAgree(json, text, 0);
        json.GetProperty("scope").GetString().Should().Be("mechanics only");
        json.GetProperty("partial").GetBoolean().Should().BeFalse();
        json.GetProperty("claims")[0].GetProperty("verdict").GetString().Should().StartWith("mechanics only (rule: ");
        const string note = "preset: smoke -> verdicts are mechanics only (2 of 2 planned runs stored)";
        text.StdOut.Should().EndWith($"{note}; exit 0\n");
        File.ReadAllText(Path.Combine(dir, "report.md")).Should().Contain($"| scope | {note} |");
    }

    [Fact]
    public void A_report_missing_planned_runs_is_partial_and_exits_0_where_a_whole_one_would_say_1()
    {
        var dir = TempFolder.Create("cli-scope");
        var db = Path.Combine(dir, "runs.db");
        using (var store = RunStore.Open(db)) store.SetMeta(RunStore.StudyPresetKey, "quick");

        var (json, text) = Both("report", "--db", db, "--out", dir, "--claims", "C11");

        LastLineJsonAndExitAgree(json, text, 0);
        json.GetProperty("partial").GetBoolean().Should().BeTrue();
        json.GetProperty("plannedRuns").GetInt32().Should().Be(10);
        json.GetProperty("storedRuns").GetInt32().Should().Be(0);
        json.GetProperty("claims")[0].GetProperty("verdict").GetString().Should().Be("partial (rule: inconclusive)");
        json.GetProperty("claims")[0].GetProperty("ruleVerdict").GetString().Should().Be("inconclusive");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        summary.RootElement.GetProperty("partial").GetBoolean().Should().BeTrue();

        // C7 plans no runs: with nothing to judge the whole report is inconclusive, a finding (exit 1).
        var (whole, wholeText) = Both("report", "--db", db, "--out", dir, "--claims", "C7");
        LastLineJsonAndExitAgree(whole, wholeText, 1);
        whole.GetProperty("conclusion").GetString().Should().Be("verdicts: 1 inconclusive; exit 1");
    }

    [Fact]
    public void A_checkpoint_only_run_trains_nothing_says_so_and_drops_the_not_distributed_note()
    {
        string dir = TempDir(), checkpoints = TempFolder.Create("cli-checkpoints");
        File.Copy(Path.Combine(RepoPaths.Root, "examples", "strassen.json"),
            Path.Combine(checkpoints, "strassen.json"));

        var result = CliRunner.Run("reproduce", "--claims", "C7", "--checkpoints", checkpoints, "--out", dir);

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdErr.Should().Be("strassen-repro: no runs to train: the selected claims need none\n");
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        md.Should().Contain("| whole: 0 of 0 planned runs stored |").And.Contain("**Verdict: reproduced**")
            .And.NotContain("not distributed");
    }

    [Fact]
    public void Checkpoints_take_a_folder_and_a_file_as_the_workflow_passes_the_papers_own()
    {
        string dir = TempDir(), checkpoints = TempFolder.Create("cli-checkpoints-folder");
        File.Copy(Path.Combine(RepoPaths.Root, "examples", "strassen.json"),
            Path.Combine(checkpoints, "strassen_exact.json"));
        string weights = Path.Combine(RepoPaths.Root, "examples", "strassen-near-miss.json");

        var result = CliRunner.Run("reproduce", "--claims", "C7", "--checkpoints", checkpoints, weights, "--out", dir,
            "--json");

        result.ExitCode.Should().Be(1, "the near miss does not meet the claim: " + result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var c7 = json.RootElement.GetProperty("claims")[0];
        c7.GetProperty("weMeasured").GetString().Should().StartWith("1 of 2 checkpoints meet all three");
        c7.GetProperty("explained").GetString().Should().NotBeNull();
        File.ReadAllText(Path.Combine(dir, "report.md")).Should().Contain("strassen-near-miss.json");
    }

    [Fact]
    public void A_checkpoint_path_that_does_not_exist_is_a_one_line_usage_error()
    {
        var result = CliRunner.Run("reproduce", "--claims", "C7", "--checkpoints", "/no/such/checkpoint.pt", "--out",
            TempDir());
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Be("strassen-repro: --checkpoints /no/such/checkpoint.pt: no such file or folder\n");
    }

    [Fact]
    public void Reproduce_help_names_the_smoke_preset_checkpoints_and_every_exit_code()
    {
        var help = CliRunner.Run("reproduce", "--help");
        help.ExitCode.Should().Be(0);
        help.StdOut.Should().Contain("smoke (seconds").And.Contain("--checkpoints").And.Contain("130 / 143")
            .And.Contain("partial");
    }
}
