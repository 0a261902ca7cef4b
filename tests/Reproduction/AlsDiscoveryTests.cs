using StrassenRepro.Crystallization;
using StrassenRepro.Model.Search;
using StrassenRepro.Reproduction.Discovery;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class AlsDiscoveryTests
{
    [Fact]
    public void An_als_run_is_a_function_of_its_seed_and_finds_Strassens_rank()
    {
        var shape = new Shape(2, 2, 2);
        var p = new AlsProtocol();
        var runs = Enumerable.Range(1, 6).Select(s => AlsSearch.Run(shape, 7, s, p)).ToList();
        runs.Should().Contain(r => r.Exact != null);
        foreach (var r in runs.Where(r => r.Exact != null)) BrentCheck.IsValid(r.Exact!).Should().BeTrue();
        var again = AlsSearch.Run(shape, 7, 3, p);
        again.FitResidual.Should().Be(runs[2].FitResidual);
        again.FitSweeps.Should().Be(runs[2].FitSweeps);
        (again.Exact is null).Should().Be(runs[2].Exact is null);
        runs.Where(r => r.Fitted).Should().OnlyContain(r => r.FittedPoint != null && r.FittedPoint.Rank == 7);
        var unfitted = AlsSearch.Run(shape, 6, 1, p with { FitSweeps = 20 });
        unfitted.Fitted.Should().BeFalse("rank 6 has no scheme");
        unfitted.FittedPoint.Should().BeNull();
        unfitted.Exact.Should().BeNull();
    }

    [Fact]
    public void Every_knob_is_recorded()
    {
        var json = new AlsProtocol().ToJson().ToJsonString();
        foreach (var knob in new[] { "crystallizerFallback", "fixPerSweep", "refitSweeps", "initScale", "fitSweeps", "ridge", "ridgeDecay", "ridgeFloor", "fitResidual", "roundBelow", "pull", "growth", "fixTolerance", "maxMagnitude" })
            json.Should().Contain($"\"{knob}\"");
    }

    [Theory]
    [InlineData(3, 0, 0, true)]
    [InlineData(2, 0, 0, false)]
    [InlineData(0, 2, 0, true)]
    [InlineData(0, 1, 0, false)]
    [InlineData(0, 0, 61, true)]
    [InlineData(0, 0, 59, false)]
    public void A_budget_is_spent_at_its_first_bound(int runs, int exact, int seconds, bool spent) =>
        new DiscoveryBudget(3, TimeSpan.FromMinutes(1), 2).Spent(runs, exact, TimeSpan.FromSeconds(seconds)).Should().Be(spent);

    [Fact]
    public void No_bound_is_never_spent() => new DiscoveryBudget().Spent(int.MaxValue - 1, 1000, TimeSpan.FromDays(9)).Should().BeFalse();

    [Fact]
    public void Als_discovery_writes_each_scheme_as_found_and_stops_at_until()
    {
        var dir = TempFolder.Path("discover-als");
        var options = new DiscoverOptions
        {
            Target = new DiscoveryTarget(new Shape(2, 2, 2), 7),
            OutDir = dir,
            Threads = 1,
            Protocol = DiscoveryProtocol.Als,
            Budget = new DiscoveryBudget(Runs: 200, UntilExact: 1),
        };
        var progress = new List<DiscoveryProgress>();
        var summary = Discoverer.Run(options, new Collect(progress));
        summary.ExactAfterCrystallization.Should().BeGreaterThanOrEqualTo(1);
        summary.Trained.Should().BeLessThan(200, "the run stopped at the first exact scheme's chunk");
        summary.Protocol.Should().Be("als");
        summary.Distinct.Should().OnlyContain(d => File.Exists(d.Path));
        progress[^1].Exact.Should().Be(summary.ExactAfterCrystallization);
        File.ReadAllLines(Path.Combine(dir, "runs.jsonl")).Should().HaveCount(summary.Trained + 1);
        var again = () => Discoverer.Run(options);
        again.Should().Throw<ArgumentException>().WithMessage("*choose another --out*");
    }

    [Fact]
    public void A_stop_keeps_every_scheme_found_before_it_and_writes_the_report()
    {
        var dir = TempFolder.Path("discover-als-stop");
        using var stop = new CancellationTokenSource();
        var options = new DiscoverOptions
        {
            Target = new DiscoveryTarget(new Shape(2, 2, 2), 7),
            OutDir = dir,
            Threads = 1,
            Protocol = DiscoveryProtocol.Als,
            Budget = new DiscoveryBudget(),
        };
        // Stops as soon as the first exact scheme is reported: the budget alone would never end this discovery.
        var summary = Discoverer.Run(options, new Collect([], p => { if (p.Exact > 0) stop.Cancel(); }), stop.Token);
        summary.Stopped.Should().BeTrue();
        summary.Distinct.Should().NotBeEmpty();
        foreach (var d in summary.Distinct) BrentCheck.IsValid(StrassenRepro.Formats.SchemeJson.Read(File.ReadAllBytes(d.Path), d.Path).Scheme).Should().BeTrue();
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should().Contain("stopped by a signal");
    }

    private sealed class Collect(List<DiscoveryProgress> into, Action<DiscoveryProgress>? then = null) : IProgress<DiscoveryProgress>
    {
        public void Report(DiscoveryProgress value)
        {
            into.Add(value);
            then?.Invoke(value);
        }
    }
}
