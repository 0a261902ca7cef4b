using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>What an inconclusive rule says it lacks: sized from the measured rate, or why no size is given.</summary>
[Trait("Category", "Fast")]
public class RunsToDecideTests
{
    [Fact]
    public void A_count_of_successes_is_sized_from_the_measured_rate()
    {
        // 1 of 10 (10%): three successes with 80% take 42 runs (RunsNeededStatisticsTests works it out).
        var need = RunsToDecide.ForCount(10, 1, 3, "successes");
        need.Should().Be(new RunsToDecide(10, 42, need.Basis));
        need.Basis.Should().Be("3 successes needed, 1 of 10 runs are (10.0%): at that rate 42 runs give 3 with probability 80.0%");
        need.Describe().Should().StartWith("about 42 runs would let the rule decide (now 10): 3 successes needed");
        need.Short().Should().Be("needs ~42 runs");
    }

    [Fact]
    public void No_success_gives_no_count_but_the_fewest_runs_the_upper_bound_allows()
    {
        var need = RunsToDecide.ForCount(30, 0, 3, "successes");
        need.Needed.Should().BeNull();
        var fewest = RunsNeeded.ForSuccesses(WilsonInterval.Of(0, 30).Upper, 3)!.Value;
        fewest.Should().BeInRange(30, 60);
        need.Basis.Should().Be($"no successes in 30 runs, and a rate of 0 gives no run count; at the rate's 95% upper bound (11.4%) 3 successes would take at least {fewest} runs");
        need.Describe().Should().StartWith("no run count: no successes in 30 runs");
        need.Short().Should().Be("no run count");
    }

    [Fact]
    public void No_runs_give_no_rate_to_size_from()
    {
        RunsToDecide.ForCount(0, 0, 3, "successes").Should().Be(new RunsToDecide(0, null, "no runs stored, so no rate of successes to size the design from"));
        RunsToDecide.ForHalfWidth(WilsonInterval.Of(0, 0), 0.15).Should().Be(new RunsToDecide(0, null, "no runs stored, so no rate to size the design from"));
    }

    [Fact]
    public void A_rate_too_small_for_the_limit_says_so()
    {
        RunsToDecide.ForCount(2_000_000_000, 1, 3, "successes").Basis.Should().EndWith("at that rate it would take over 100,000,000 runs");
        RunsToDecide.ForCount(2_000_000_000, 1, 3, "successes").Needed.Should().BeNull();
        // The upper bound 3 / 2e9 or so is too small as well.
        RunsToDecide.ForCount(2_000_000_000, 0, 3, "successes").Basis.Should().EndWith("would take over 100,000,000 runs");
    }

    [Fact]
    public void A_wide_interval_is_sized_to_the_half_width_the_rule_asks()
    {
        // 0 of 6: at p = 0 the half-width z^2 / (2 (n + z^2)) is <= 0.15 from n = 9.
        var need = RunsToDecide.ForHalfWidth(WilsonInterval.Of(0, 6), 0.15);
        need.Should().Be(new RunsToDecide(6, 9, "at the measured rate (0.0%) the Wilson 95% interval narrows to ± 15.0% at 9 runs"));
        RunsToDecide.ForHalfWidth(WilsonInterval.Of(3, 6), 1e-6).Should().Be(new RunsToDecide(6, null,
            "at the measured rate (50.0%) the Wilson 95% interval narrows to ± 0.0% only beyond 100,000,000 runs"));
    }

    [Fact]
    public void A_fixed_minimum_is_the_count()
    {
        RunsToDecide.AtLeast(2, 1_000, "runs").Should().Be(new RunsToDecide(2, 1_000, "the rule needs at least 1,000 runs (now 2)"));
    }

    [Fact]
    public void C5_without_enough_discrete_runs_says_how_many_runs_it_needs()
    {
        var preset = StudyPreset.ByName("smoke");
        var design = SuccessDesign.Runs(preset).ToList();
        design.Should().HaveCount(10);
        var runs = design.Select((c, i) => SyntheticRuns.Of(c, i == 0 ? Outcome.Discrete : Outcome.Unconverged))
            .ToDictionary(r => r.ConfigHash);
        var c5 = new ClaimC5Transfer().Evaluate(new ClaimContext(preset, runs));
        c5.Verdict.Should().Be(Verdict.Inconclusive);
        c5.RunsToDecide.Should().Be(RunsToDecide.ForCount(10, 1, ClaimC5Transfer.MinimumRuns, "discrete runs (S = 1)"));
        c5.RunsToDecide!.Needed.Should().Be(42);

        var enough = design.Select((c, i) => SyntheticRuns.Of(c, i < 3 ? Outcome.Discrete : Outcome.Unconverged)).ToDictionary(r => r.ConfigHash);
        new ClaimC5Transfer().Evaluate(new ClaimContext(preset, enough)).RunsToDecide.Should().BeNull("the rule decides");
    }
}
