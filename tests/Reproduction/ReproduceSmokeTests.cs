using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Every implemented claim end to end at toy scale (the smoke preset): the mechanics, not the claims.</summary>
[Trait("Category", "Fast")]
public class ReproduceSmokeTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"strassen-reproduce-{Guid.NewGuid():N}");

    private static ReproduceOptions Options(string dir, bool resume = false) => new()
    {
        Preset = StudyPreset.Smoke,
        Claims = ClaimCatalog.All,
        OutDir = dir,
        Resume = resume,
        Threads = 1,
    };

    [Fact]
    public void Reproduce_stores_every_planned_run_evaluates_every_claim_and_writes_the_report()
    {
        var dir = TempDir();
        var report = Reproducer.Run(Options(dir));
        report.Claims.Select(r => r.Id).Should().Equal(ClaimCatalog.All.Select(c => c.Id));
        report.Claims.Should().OnlyContain(r => r.Rule.Length > 0 && r.WeMeasured.Length > 0);
        report.Claims.Should().OnlyContain(r => r.Origin != null && r.Origin.Numbers.Count > 0,
            "every claim says where the paper's numbers come from");
        File.ReadAllText(Path.Combine(dir, "report.md")).Should().Contain("## Where the paper's numbers come from");
        report.Scope.Should().Be(new ReportScope("smoke", report.Scope.PlannedRuns, report.Scope.PlannedRuns));
        report.Scope.Kind.Should().Be(ScopeKind.MechanicsOnly);
        using var store = RunStore.Open(Reproducer.DatabasePath(dir));
        int planned = SweepRunner.Canonical(Reproducer.Plan(ClaimCatalog.All, StudyPreset.Smoke)).Count;
        store.Count.Should().Be(planned);
        File.Exists(Path.Combine(dir, "report.md")).Should().BeTrue();
        File.Exists(Path.Combine(dir, "index.html")).Should().BeTrue();
    }

    [Fact]
    public void A_second_reproduce_needs_resume_and_then_trains_nothing_new()
    {
        var dir = TempDir();
        Reproducer.Run(Options(dir));
        var again = () => Reproducer.Run(Options(dir));
        again.Should().Throw<ArgumentException>().WithMessage("*--resume*");
        List<string> before;
        using (var store = RunStore.Open(Reproducer.DatabasePath(dir))) before = store.All().Select(r => r.RecordJson).ToList();
        Reproducer.Run(Options(dir, resume: true));
        using var after = RunStore.Open(Reproducer.DatabasePath(dir));
        after.All().Select(r => r.RecordJson).Should().Equal(before);
    }

    [Fact]
    public void A_sweep_cancelled_after_its_first_population_keeps_that_population_and_says_so()
    {
        var dir = TempDir();
        using var stop = new CancellationTokenSource();
        int firstPopulation = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 0 || stop.IsCancellationRequested) return;
            firstPopulation = p.Done;
            stop.Cancel();
        });

        var run = () => Reproducer.Run(Options(dir), progress, stop.Token);

        var stopped = run.Should().Throw<SweepInterruptedException>().Which;
        stopped.StoredRuns.Should().Be(firstPopulation).And.BeGreaterThan(0);
        var plan = SweepRunner.Canonical(Reproducer.Plan(ClaimCatalog.All, StudyPreset.Smoke));
        stopped.PlannedRuns.Should().Be(plan.Count);
        using var store = RunStore.Open(Reproducer.DatabasePath(dir));
        store.Count.Should().Be(firstPopulation);
        File.Exists(Path.Combine(dir, "report.md")).Should().BeFalse("a stopped sweep writes no report");
    }

    private sealed class SynchronousProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }

    [Fact]
    public void Shards_merged_give_the_same_runs_as_one_sweep()
    {
        string whole = TempDir(), a = TempDir(), b = TempDir(), merged = TempDir();
        Reproducer.Run(Options(whole));
        var first = Reproducer.Run(Options(a) with { Shard = new Shard(1, 2) }).Scope;
        var second = Reproducer.Run(Options(b) with { Shard = new Shard(2, 2) }).Scope;
        first.IsPartial.Should().BeTrue();
        (first.StoredRuns + second.StoredRuns).Should().Be(first.PlannedRuns);
        using var m = RunStore.Open(Path.Combine(merged, "runs.db"));
        m.MergeFrom(Reproducer.DatabasePath(a));
        m.MergeFrom(Reproducer.DatabasePath(b));
        using var w = RunStore.Open(Reproducer.DatabasePath(whole));
        m.All().Select(r => r.RecordJson).Should().Equal(w.All().Select(r => r.RecordJson));
    }
}
