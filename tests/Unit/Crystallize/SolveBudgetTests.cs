using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class SolveBudgetTests
{
    private static readonly BrentSystem Square = new(Shape.Square2, 7);

    [Fact]
    public void Solves_spend_iterations_and_are_recorded()
    {
        var budget = new SolveBudget(100, null);
        budget.Exhausted.Should().BeFalse();
        var x = Square.Pack(RandomOrbit.Move(KnownSchemes.Strassen(), 2, 3, 1e-3));
        var outcome = budget.Solve(Square, x, Enumerable.Range(0, x.Length).ToArray(), 50, 1e-12, 0);
        budget.Iterations.Should().Be(outcome.Iterations).And.BePositive();
        budget.Remaining.Should().Be(100 - outcome.Iterations);
        budget.Solves.Should().Be(1);
        budget.History.Should().Equal(outcome.MaxResidual);
    }

    [Fact]
    public void A_solve_gets_no_more_iterations_than_remain()
    {
        var budget = new SolveBudget(2, null);
        var x = Square.Pack(RandomOrbit.Move(KnownSchemes.Strassen(), 2, 3, 1e-2));
        var outcome = budget.Solve(Square, x, Enumerable.Range(0, x.Length).ToArray(), 50, 1e-12, 0);
        outcome.Iterations.Should().Be(2);
        budget.Remaining.Should().Be(0);
        budget.Exhausted.Should().BeTrue();
    }

    [Fact]
    public void Good_enough_is_passed_on_to_the_solver()
    {
        var system = new BrentSystem(Shape.Square2, 6);
        var rng = new GaussianSource(9);
        var x = Enumerable.Range(0, system.VariableCount).Select(_ => rng.NextGaussian()).ToArray();
        var all = Enumerable.Range(0, x.Length).ToArray();
        var early = new SolveBudget(300, null).Solve(system, (double[])x.Clone(), all, 300, 1e-12,
            double.PositiveInfinity);
        var full = new SolveBudget(300, null).Solve(system, x, Enumerable.Range(0, x.Length).ToArray(), 300, 1e-12, 0);
        early.Iterations.Should().BeLessThan(full.Iterations);
    }

    [Fact]
    public void A_time_limit_exhausts_the_budget_once_it_has_passed()
    {
        new SolveBudget(100, TimeSpan.Zero).Exhausted.Should().BeTrue();
        new SolveBudget(100, TimeSpan.FromHours(1)).Exhausted.Should().BeFalse();
        new SolveBudget(0, null).Exhausted.Should().BeTrue();
    }
}
