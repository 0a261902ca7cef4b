using System.Diagnostics;
using System.Text.RegularExpressions;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Cli;

/// <summary>One --out, two processes: the store's lock lets one write and refuses the other in one line.</summary>
[Trait("Category", "Fast")]
public class ConcurrentReproduceTests
{
    private static string TempDir() => TempFolder.Path("cli-concurrent");

    private static readonly string[] Smoke = ["reproduce", "--preset", "smoke", "--threads", "1", "--out"];

    private static int PlannedSmokeRuns() =>
        SweepRunner.Canonical(Reproducer.Plan(ClaimCatalog.All, StudyPreset.Smoke)).Count;

    /// <summary>Waits until the child has written its pid into the store's lock file.</summary>
    private static void WaitForLock(Process child, string db)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        bool Holds() => StoreLock.Holder.Read(StoreLock.PathFor(db))?.ProcessId == child.Id;
        while (!Holds() && !child.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(10);
    }

    [Fact]
    public void A_second_reproduce_is_refused_while_the_first_runs_and_a_killed_holder_blocks_nobody()
    {
        var dir = TempDir();
        var db = Path.Combine(dir, "runs.db");
        using (var holder = CliRunner.Start([.. Smoke, dir]))
        {
            _ = holder.StandardOutput.ReadToEndAsync();
            _ = holder.StandardError.ReadToEndAsync();
            WaitForLock(holder, db);
            holder.HasExited.Should().BeFalse("the holder trains for seconds");

            var refused = CliRunner.Run([.. Smoke, dir]);
            refused.ExitCode.Should().Be(2);
            refused.StdErr.Should().MatchRegex($@"^strassen-repro: {Regex.Escape(db)} is in use by another process "
                + $@"\(pid {holder.Id}, since [^)]+ UTC\); wait for it to finish, or choose another --out\n$");

            holder.Kill(entireProcessTree: true); // SIGKILL: no chance to release anything
            holder.WaitForExit();
        }
        var resumed = CliRunner.Run([.. Smoke, dir, "--resume"]);
        resumed.ExitCode.Should().Be(0, resumed.StdErr);
        using var store = RunStore.Open(db);
        store.Count.Should().Be(PlannedSmokeRuns());
    }

    [Fact]
    public void Two_reproduce_runs_started_at_the_same_moment_train_once()
    {
        var dir = TempDir();
        var starts = new[] { CliRunner.Start([.. Smoke, dir]), CliRunner.Start([.. Smoke, dir]) };
        var results = starts
            .Select(p => CliRunner.Finish(p, p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync(),
                Smoke))
            .ToList();
        foreach (var p in starts) p.Dispose();

        results.Select(r => r.ExitCode).Order().Should().Equal([0, 2], "one trains (smoke: exit 0), one is refused");
        var refused = results.Single(r => r.ExitCode == 2);
        refused.StdErr.Trim().Split('\n').Should().ContainSingle()
            .Which.Should().Contain("is in use by another process");
        using var store = RunStore.Open(Path.Combine(dir, "runs.db"));
        store.Count.Should().Be(PlannedSmokeRuns());
    }
}
