using System.Diagnostics;
using System.Text.Json.Nodes;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// Stored runs and checkpoints record the commit the program was built from, also when it runs from a folder
/// outside the repository (it used to look up HEAD of the working directory there: "unknown").
/// </summary>
[Trait("Category", "Fast")]
public class BuildCommitTests
{
    private static string? Git(string arguments)
    {
        var psi = new ProcessStartInfo("git", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var git = Process.Start(psi)!;
        var text = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : null;
    }

    /// <summary>The commits the build may record: HEAD, and HEAD-dirty while the tree has changes.</summary>
    private static string[] Expected()
    {
        var head = Git("rev-parse HEAD");
        if (head is null) return ["unknown"]; // built outside git: nothing is known
        return Git("status --porcelain") is "" ? [head] : [head, head + "-dirty"];
    }

    [Fact]
    public void Runs_stored_from_outside_the_repository_record_the_commit_of_the_build()
    {
        var outside = TempFolder.Create("cli-commit");
        var result = CliRunner.RunIn(outside, "reproduce", "--preset", "smoke", "--claims", "C11", "--out", "report",
            "--threads", "1");
        result.ExitCode.Should().Be(0, result.StdErr);

        using var store = RunStore.Open(Path.Combine(outside, "report", "runs.db"));
        store.All().Should().NotBeEmpty().And.OnlyContain(run => Expected().Contains(run.GitCommit));
    }

    [Fact]
    public void A_checkpoint_trained_from_outside_the_repository_records_it_too()
    {
        var outside = TempFolder.Create("cli-commit");
        var result = CliRunner.RunIn(outside, "train", "--seed", "1", "--batch-size", "32", "--steps", "50",
            "--out", "runs", "--json");
        result.ExitCode.Should().BeOneOf([0, 1], "a verdict on the run: " + result.StdErr);

        var checkpoint = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(outside, "runs")).Single()));
        (checkpoint!["metadata"]!["gitCommit"]?.GetValue<string>() ?? "unknown").Should().BeOneOf(Expected());
    }
}
