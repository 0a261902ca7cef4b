using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Discovery;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class DiscoveryTests
{
    [Fact]
    public void Additions_are_counted_as_the_textbook_counts_them()
    {
        SchemeCost.Additions(KnownSchemes.Strassen()).Should().Be(18);
        // Winograd's famous 15 reuses partial sums between slots; counted slot by slot, as here, it has 24.
        SchemeCost.Additions(KnownSchemes.Winograd()).Should().Be(24);
        SchemeCost.Additions(KnownSchemes.Naive(Shape.Square2)).Should().Be(4);
        SchemeCost.Additions(KnownSchemes.Naive(new Shape(2, 3, 4))).Should().Be(8 * 2);
    }

    [Theory]
    [InlineData(2, 2, 2, 7)]
    [InlineData(3, 2, 3, 15)]
    [InlineData(2, 2, 3, 11)]
    [InlineData(4, 3, 3, 29)]
    [InlineData(1, 3, 4, 12)]
    [InlineData(5, 3, 2, 25)]
    [InlineData(4, 4, 4, 49)]
    public void Best_known_ranks_hold_for_every_order_of_the_dimensions(int n, int m, int p, int rank) =>
        BestKnownRanks.Of(new Shape(n, m, p)).Should().Be(rank);

    [Fact]
    public void A_product_outside_the_table_has_no_best_known_rank() => BestKnownRanks.Of(new Shape(5, 6, 7)).Should().BeNull();

    [Fact]
    public void The_plan_trains_rank_slots_of_the_shape_with_independent_inits()
    {
        var plan = new DiscoveryTarget(new Shape(2, 2, 3), 11) { Runs = 3, FirstSeed = 5 }.Plan().ToList();
        plan.Select(c => c.Seed).Should().Equal(5, 6, 7);
        plan.Should().OnlyContain(c => c.Shape == new Shape(2, 2, 3) && c.Slots == 11 && c.TargetSlots == 11
            && c.Init == Model.InitKind.Independent && c.Protocol == "train-strassen");
    }

    [Fact]
    public void More_slots_than_the_rank_are_pruned_down_to_it()
    {
        var plan = new DiscoveryTarget(new Shape(2, 2, 3), 11) { Runs = 1, Slots = 13 }.Plan().Single();
        plan.Slots.Should().Be(13);
        plan.TargetSlots.Should().Be(11);
    }

    [Theory]
    [InlineData(0, 20, 12)]
    [InlineData(11, 0, 12)]
    [InlineData(11, 20, 10)]
    public void Targets_no_run_could_reach_are_refused(int rank, int runs, int slots)
    {
        var act = () => new DiscoveryTarget(new Shape(2, 2, 3), rank) { Runs = runs, Slots = slots }.Validated();
        act.Should().Throw<ArgumentException>();
    }

    private sealed class Recorder : IProgress<DiscoveryProgress>
    {
        public List<DiscoveryProgress> Reports { get; } = [];

        /// <summary>The reports of runs, without the two of the orbit classification at the end.</summary>
        public List<DiscoveryProgress> RunReports => [.. Reports.Where(r => !r.Classifying && r.Orbits is null)];

        public void Report(DiscoveryProgress value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    private static DiscoverOptions Small(string dir, Func<Scheme, Scheme?>? crystallize) => new()
    {
        Target = new DiscoveryTarget(new Shape(1, 1, 2), 2) { Runs = 3, Phase1Epochs = 150, Phase2Steps = 20 },
        OutDir = dir,
        Threads = 2,
        Crystallize = crystallize,
    };

    [Fact]
    public void Stored_runs_are_crystallized_where_they_finish_with_progress_and_in_seed_order()
    {
        var progress = new Recorder();
        var summary = Discoverer.Run(Small(TempFolder.Path("discover-progress"), DiscoveryCrystallizer.Exact), progress);
        progress.RunReports.Select(r => r.Runs).Should().Equal(0, 3);
        progress.RunReports[^1].Exact.Should().Be(summary.ExactAfterCrystallization);
        if (summary.Distinct.Count > 0)
        {
            progress.Reports[^2].Classifying.Should().BeTrue();
            progress.Reports[^1].Orbits.Should().BeSameAs(summary.Orbits);
            progress.Reports[^1].Line().Should().Contain($"{summary.Distinct.Count} distinct scheme{(summary.Distinct.Count == 1 ? "" : "s")} in {summary.Orbits.Classes.Count} orbit class");
        }
        summary.Runs.Select(r => r.Seed).Should().Equal(1, 2, 3);
        summary.Stopped.Should().BeFalse();
    }

    [Fact]
    public void A_stop_while_crystallizing_leaves_every_run_stored_and_resume_crystallizes_them()
    {
        var dir = TempFolder.Path("discover-stop");
        using var stop = new CancellationTokenSource();
        Scheme? StopHere(Scheme kept)
        {
            stop.Cancel();
            return null;
        }
        var options = Small(dir, StopHere) with { Threads = 1 };
        var stopped = Discoverer.Run(options, null, stop.Token);
        stopped.Stopped.Should().BeTrue();
        stopped.Trained.Should().Be(0, "the population's crystallization was cut");
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should().Contain("stopped by a signal");
        var resumed = Discoverer.Run(options with { Resume = true, Crystallize = DiscoveryCrystallizer.Exact });
        resumed.Runs.Should().HaveCount(3, "--resume crystallizes the stored runs again");
        resumed.Stopped.Should().BeFalse();
    }

    [Fact]
    public void Budgeted_train_discovery_runs_in_chunks_until_its_bound()
    {
        var options = Small(TempFolder.Path("discover-chunks"), null) with { Budget = new DiscoveryBudget(Runs: 5, UntilExact: 1000) };
        var progress = new Recorder();
        var summary = Discoverer.Run(options, progress);
        summary.Runs.Select(r => r.Seed).Should().Equal(1, 2, 3, 4, 5);
        progress.RunReports.Select(r => r.Runs).Should().Equal(0, 4, 5);
    }
}
