using System.Runtime.InteropServices;
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
        first.StdErr.Should().Contain("strassen-repro: discover: 2 runs, ");
        using var doc = JsonDocument.Parse(first.StdOut);
        var root = doc.RootElement;
        root.GetProperty("runs").GetInt32().Should().Be(2);
        root.GetProperty("exitCode").GetInt32().Should().Be(first.ExitCode);
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should().Contain("2 slots, none pruned");
        foreach (var scheme in root.GetProperty("schemes").EnumerateArray())
        {
            CliRunner.Run("verify", scheme.GetProperty("path").GetString()!).ExitCode.Should().Be(0);
            int shared = scheme.GetProperty("sharedAdditions").GetInt32();
            shared.Should().BeInRange(0, scheme.GetProperty("additions").GetInt32(), "sharing sums never adds additions");
            using var file = JsonDocument.Parse(File.ReadAllText(scheme.GetProperty("path").GetString()!));
            file.RootElement.GetProperty("metadata").GetProperty("sharedAdditions").GetInt32().Should().Be(shared);
        }
        (root.GetProperty("distinctSchemes").GetInt32() > 0).Should().Be(first.ExitCode == 0);

        var again = CliRunner.Run(args);
        again.ExitCode.Should().Be(2);
        again.StdErr.Should().Contain("--resume");
        var resumed = CliRunner.Run([.. args, "--resume"]);
        resumed.ExitCode.Should().Be(first.ExitCode);
        using var again2 = JsonDocument.Parse(resumed.StdOut);
        foreach (var key in new[] { "runs", "converged", "distinctSchemes", "conclusion" })
            again2.RootElement.GetProperty(key).ToString().Should().Be(root.GetProperty(key).ToString(), key);
    }

    [Fact]
    public void Every_rank_7_scheme_found_is_in_one_decided_orbit_class()
    {
        // de Groote: every <2,2,2;7> scheme is Strassen's in another basis, so the distinct ones are one orbit.
        var dir = TempFolder.Path("discover-orbit");
        var result = CliRunner.Run("discover", "--shape", "2,2,2", "--rank", "7", "--protocol", "als", "--runs", "8",
            "--threads", "1", "--out", dir, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        int distinct = root.GetProperty("distinctSchemes").GetInt32();
        distinct.Should().BeGreaterThan(1);
        (root.GetProperty("orbitClasses").GetInt32(), root.GetProperty("orbitClassesUndecided").GetInt32()).Should().Be((1, 0));
        var only = root.GetProperty("classes")[0];
        only.GetProperty("decided").GetBoolean().Should().BeTrue();
        only.GetProperty("rankTriples").GetString().Should().Be("(1,1,1)x6 (2,2,2)x1");
        only.GetProperty("schemes").GetArrayLength().Should().Be(distinct);
        root.GetProperty("schemes").EnumerateArray().Should().OnlyContain(x => x.GetProperty("orbitClass").GetInt32() == 1);
        root.GetProperty("conclusion").GetString().Should().Contain("in 1 orbit class (0 undecided)");
        result.StdErr.Should().Contain($"strassen-repro: discover: {distinct} distinct schemes in 1 orbit class (0 undecided)");
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should().Contain("| orbit classes (decided, undecided) | 1 (1, 0) | |");
    }

    [Fact]
    public void Format_catalogue_writes_files_that_verify_reads_as_catalogue_json()
    {
        var dir = TempFolder.Path("discover-catalogue");
        var result = CliRunner.Run("discover", "--shape", "2,2,3", "--rank", "11", "--protocol", "als", "--runs", "6",
            "--threads", "1", "--format", "catalogue", "--out", dir, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("format").GetString().Should().Be("catalogue");
        foreach (var scheme in doc.RootElement.GetProperty("schemes").EnumerateArray())
        {
            var verify = CliRunner.Run("verify", scheme.GetProperty("path").GetString()!, "--json");
            verify.ExitCode.Should().Be(0, verify.StdErr);
            using var report = JsonDocument.Parse(verify.StdOut);
            report.RootElement.GetProperty("format").GetString().Should().Be("catalogue-json");
            report.RootElement.GetProperty("verdict").GetString().Should().Be("VALID");
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    [Fact]
    public void A_signal_keeps_every_scheme_found_so_far_and_the_last_line_says_so()
    {
        var dir = TempFolder.Path("discover-signal");
        string[] args = ["discover", "--shape", "2,2,3", "--rank", "11", "--protocol", "als", "--minutes", "5", "--threads", "1", "--out", dir, "--json"];
        using var process = CliRunner.Start(args);
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var schemes = Path.Combine(dir, "schemes");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(Directory.Exists(schemes) && Directory.GetFiles(schemes).Length > 0) && !process.HasExited && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
        process.HasExited.Should().BeFalse("a 5-minute discovery is still running");
        SendSignal(process.Id, 2).Should().Be(0);
        var result = CliRunner.Finish(process, stdout, stderr, args);
        result.ExitCode.Should().Be(130, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("stopped").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("exitCode").GetInt32().Should().Be(130);
        doc.RootElement.GetProperty("conclusion").GetString().Should().StartWith("stopped by SIGINT after ");
        var written = doc.RootElement.GetProperty("schemes").EnumerateArray().Select(x => x.GetProperty("path").GetString()!).ToList();
        written.Should().NotBeEmpty();
        Directory.GetFiles(schemes).Should().HaveCount(written.Count);
        foreach (var path in written) CliRunner.Run("verify", path).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(dir, "discovery.md")).Should().BeTrue();
    }

    [Theory]
    [InlineData("--shape", "2,2", "--rank", "7")]
    [InlineData("--shape", "2,2,9", "--rank", "7")]
    [InlineData("--shape", "2,2,2", "--rank", "0")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--slots", "3")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--minutes", "0")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--until", "0")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--protocol", "adam")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--format", "npy")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--protocol", "als", "--resume")]
    [InlineData("--shape", "2,2,2", "--rank", "7", "--protocol", "als-crystallize", "--runs", "0")]
    public void Bad_targets_are_one_line_usage_errors(params string[] args)
    {
        var result = CliRunner.Run(["discover", .. args, "--out", TempFolder.Path("discover-bad")]);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().NotContain("\n").And.StartWith("strassen-repro: ");
    }
}
