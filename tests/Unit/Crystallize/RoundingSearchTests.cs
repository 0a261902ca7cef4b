using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class RoundingSearchTests
{
    // <1,2,1;2>: a1 b1 + a2 b2 = ((a1 + a2)(b1 + b2) + (a1 - a2)(b1 - b2)) / 2, packed as U | V | W.
    private static readonly BrentSystem Inner = new(new Shape(1, 2, 1), 2);
    private static readonly double[] Halves = [1, 1, 1, -1, 1, 1, 1, -1, 0.5, 0.5];
    private static readonly CrystallizeOptions Options = new();

    private static RoundingSearch Search(RationalGrid grid, double[] start, int iterations = 1000) =>
        new(Inner, start, grid, Options, new SolveBudget(iterations, null));

    [Fact]
    public void Coefficients_already_on_the_grid_are_fixed_together_in_one_solve()
    {
        var budget = new SolveBudget(1000, null);
        var search = new RoundingSearch(Inner, Halves, new RationalGrid(2, 1), Options, budget);
        var (values, reason) = search.Run();
        reason.Should().BeNull();
        values!.Select(v => v.ToDouble()).Should().Equal(Halves);
        values[8].Should().Be(new Fraction(1, 2));
        budget.Solves.Should().Be(1);
        search.FixedCount.Should().Be(10);
        search.BackOffs.Should().Be(0);
    }

    [Fact]
    public void A_value_the_grid_lacks_is_backed_off_and_the_search_says_so()
    {
        // On {-1, 0, 1} the halves of W round to 0, and either zero breaks a1 b1 + a2 b2.
        var search = Search(new RationalGrid(1, 1), Halves);
        var (values, reason) = search.Run();
        values.Should().BeNull();
        reason.Should().Be("no fix keeps the residual below 1e-8: 2 coefficients still free, 2 fixes backed off");
        search.BackOffs.Should().Be(2);
        search.FixedCount.Should().Be(8);
    }

    [Fact]
    public void A_search_stopped_on_one_grid_goes_on_on_a_finer_one_keeping_its_fixes()
    {
        var budget = new SolveBudget(1000, null);
        var search = new RoundingSearch(Inner, Halves, new RationalGrid(1, 1), Options, budget);
        search.Run().Values.Should().BeNull();
        search.FixedCount.Should().Be(8);
        int solves = budget.Solves;
        var (values, reason) = search.Run(new RationalGrid(2, 1), 6);
        reason.Should().BeNull();
        values!.Select(v => v.ToDouble()).Should().Equal(Halves);
        // One snap of the two halves: the eight fixes on {-1, 0, 1} were kept.
        budget.Solves.Should().Be(solves + 1);
        search.BackOffs.Should().Be(2);
    }

    [Fact]
    public void The_candidates_per_step_of_a_run_bound_its_single_fixes()
    {
        var search = Search(new RationalGrid(1, 1), Halves);
        search.Run(new RationalGrid(1, 1), 1).Values.Should().BeNull();
        search.BackOffs.Should().Be(1);
    }

    [Fact]
    public void A_backed_off_fix_leaves_the_coefficients_as_they_were()
    {
        // Start slightly off the halves: the snap fixes U and V, the solve moves W back onto 1/2; the
        // failed single fixes must not leave W at 0.
        var start = (double[])Halves.Clone();
        start[8] += 1e-3;
        start[9] -= 1e-3;
        var budget = new SolveBudget(1000, null);
        var search = new RoundingSearch(Inner, start, RationalGrid.Integers, Options, budget);
        search.Run().Values.Should().BeNull();
        budget.History.Should().HaveCount(3);
        budget.History[0].Should().BeLessThan(1e-8);
        budget.History.Skip(1).Should().OnlyContain(r => r > 0.1);
    }

    [Fact]
    public void Fixing_a_free_value_lets_the_rest_converge_onto_the_grid()
    {
        // The family w1 + w2 = 1 (u, v fixed to the naive-like values) has no snap; fixing w1 to its nearest
        // integer 0 is consistent and moves w2 to 1.
        var system = new BrentSystem(new Shape(1, 1, 1), 2);
        var budget = new SolveBudget(1000, null);
        var search = new RoundingSearch(system, [1, 1, 1, 1, 0.3, 0.7], RationalGrid.Integers, Options, budget);
        var (values, reason) = search.Run();
        reason.Should().BeNull();
        values!.Select(v => v.ToDouble()).Should().Equal(1, 1, 1, 1, 0, 1);
        search.BackOffs.Should().Be(0);
    }

    [Fact]
    public void An_exhausted_budget_stops_the_search_before_it_starts()
    {
        var (values, reason) = Search(RationalGrid.Integers, Halves, iterations: 0).Run();
        values.Should().BeNull();
        reason.Should().Be("the budget ran out with 10 coefficients still free");
    }

    [Fact]
    public void A_budget_that_runs_out_between_candidates_stops_the_step()
    {
        // The snap takes no iteration (its solve starts exact); the first single fix takes the only one.
        var search = Search(new RationalGrid(1, 1), Halves, iterations: 1);
        var (values, reason) = search.Run();
        values.Should().BeNull();
        search.BackOffs.Should().Be(1);
        reason.Should().EndWith("1 fixes backed off");
    }
}
