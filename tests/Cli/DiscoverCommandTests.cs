using System.Text.Json;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class DiscoverCommandTests
{
    [Fact]
    public void Discover_writes_exact_schemes_that_verify_and_resumes_on_request()
    {
        var dir = TempFolder.Path("discover");
        string[] args = ["discover", "--shape", "1,1,2", "--rank", "2", "--runs", "2", "--steps", "150",
            "--phase2-steps", "20", "--out", dir, "--json"];
        var first = CliRunner.Run(args);
        first.ExitCode.Should().BeOneOf([0, 1], first.StdErr);
        first.StdErr.Should().Contain("strassen-repro: 2/2 stored runs crystallized");
        using var doc = JsonDocument.Parse(first.StdOut);
        var root = doc.RootElement;
        root.GetProperty("runs").GetInt32().Should().Be(2);
        root.GetProperty("exitCode").GetInt32().Should().Be(first.ExitCode);
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should().Contain("2 slots, none pruned");
        foreach (var scheme in root.GetProperty("schemes").EnumerateArray())
            CliRunner.Run("verify", scheme.GetProperty("path").GetString()!).ExitCode.Should().Be(0);
        (root.GetProperty("distinctSchemes").GetInt32() > 0).Should().Be(first.ExitCode == 0);

        var again = CliRunner.Run(args);
        again.ExitCode.Should().Be(2);
        again.StdErr.Should().Contain("--resume");
        var resumed = CliRunner.Run([.. args, "--resume"]);
        resumed.ExitCode.Should().Be(first.ExitCode);
        resumed.StdOut.Should().Be(first.StdOut);
    }

    [Theory]
    [InlineData("--shape", "2,2", "--rank", "7")]
    [InlineData("--shape", "2,2,9", "--rank", "7")]
    [InlineData("--shape", "2,2,2", "--rank", "0")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--slots", "3")]
    public void Bad_targets_are_one_line_usage_errors(params string[] args)
    {
        var result = CliRunner.Run(["discover", .. args, "--out", TempFolder.Path("discover-bad")]);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().NotContain("\n").And.StartWith("strassen-repro: ");
    }
}
