using System.Text.Json;

namespace StrassenRepro.Tests.Cli;

/// <summary>train judges the run as the paper does: its last line, JSON verdict and exit code agree.</summary>
[Trait("Category", "Fast")]
public class TrainVerdictTests
{
    private static string TempDir() => Directory.CreateTempSubdirectory("strassen-train-verdict-").FullName;

    [Fact]
    public void The_last_line_and_the_json_verdict_follow_the_exit_code()
    {
        string[] run = ["train", "--seed", "3", "--batch-size", "32", "--steps", "200", "--out"];
        var text = CliRunner.Run([.. run, TempDir()]);
        text.ExitCode.Should().BeOneOf([0, 1], text.StdErr);
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be(text.ExitCode == 0 ? "VALID" : "NOT VALID");
        var json = CliRunner.Run([.. run, TempDir(), "--json"]);
        json.ExitCode.Should().Be(text.ExitCode);
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be(json.ExitCode == 0 ? "VALID" : "NOT VALID");
    }
}
