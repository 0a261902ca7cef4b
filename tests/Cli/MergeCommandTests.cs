using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>`merge` on the command line: all or nothing, one line and exit code 2 when it cannot be done.</summary>
[Trait("Category", "Fast")]
public class MergeCommandTests
{
    private readonly string _dir = TempFolder.Create("cli-merge");

    private string Store(string name, string preset, int seed)
    {
        var path = Path.Combine(_dir, name);
        using var store = RunStore.Open(path);
        store.SetMeta(RunStore.StudyPresetKey, preset);
        store.AddAll([new StoredRun
        {
            ConfigHash = $"hash-{seed}", ConfigJson = "{}", Protocol = "upstream", Seed = seed, BatchSize = 32,
            Outcome = Outcome.Discrete, STheta = 1, Delta = 0, BrentMaxResidual = 0, CanonicalStrassen = true,
            RecordJson = "{}", GitCommit = "abc", VersionsJson = "{}",
            FinishedUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Seconds = 1,
        }]);
        return path;
    }

    private static void OneLineExit2(CliRunner.Result result, string pattern)
    {
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Match(pattern);
    }

    [Fact]
    public void A_corrupt_shard_leaves_no_target_behind()
    {
        var corrupt = Path.Combine(_dir, "corrupt.db");
        File.WriteAllText(corrupt, new string('x', 4096));
        var target = Path.Combine(_dir, "merged", "runs.db");

        OneLineExit2(CliRunner.Run("merge", "--into", target, Store("a.db", "quick", 1), corrupt),
            $"strassen-repro: {corrupt}: not a usable run store*");
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void A_failing_shard_after_good_ones_leaves_the_target_byte_identical()
    {
        var target = Store("runs.db", "quick", 1);
        var before = File.ReadAllBytes(target);

        OneLineExit2(CliRunner.Run("merge", "--into", target, Store("a.db", "quick", 2), Store("b.db", "paper", 3)),
            "*holds a 'paper' sweep*");
        File.ReadAllBytes(target).Should().Equal(before);
        Directory.EnumerateFiles(_dir).Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));

        var ok = CliRunner.Run("merge", "--into", target, Path.Combine(_dir, "a.db"));
        ok.ExitCode.Should().Be(0);
        ok.StdErr.Trim().Split('\n')[^1].Should().Be($"strassen-repro: {target} holds 2 runs");
    }
}
