using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class LevenbergMarquardtTests
{
    private static readonly BrentSystem Square = new(Shape.Square2, 7);

    private static double[] NoisyStrassen(double noise, ulong seed = 1) =>
        Square.Pack(RandomOrbit.Move(KnownSchemes.Strassen(), seed, maxCondition: 3, noise: noise));

    private static int[] All(int n) => Enumerable.Range(0, n).ToArray();

    [Fact]
    public void A_noisy_Strassen_converges_to_an_exact_real_scheme_in_a_few_iterations()
    {
        var x = NoisyStrassen(1e-3);
        var outcome = LevenbergMarquardt.Minimise(Square, x, All(x.Length), 50, 1e-12);
        outcome.Converged.Should().BeTrue();
        outcome.MaxResidual.Should().BeLessThanOrEqualTo(1e-12);
        outcome.Iterations.Should().BeInRange(2, 15);
        BrentCheck.MaxResidual(Square.Unpack(x)).Should().Be(outcome.MaxResidual);
    }

    [Fact]
    public void Coefficients_that_are_not_free_stay_exactly_as_they_are()
    {
        var x = NoisyStrassen(1e-4);
        var start = (double[])x.Clone();
        var free = All(x.Length).Where(i => i % 3 != 0).ToArray();
        var outcome = LevenbergMarquardt.Minimise(Square, x, free, 50, 1e-12);
        outcome.Iterations.Should().BePositive();
        for (int i = 0; i < x.Length; i += 3) x[i].Should().Be(start[i]);
        x.Where((v, i) => i % 3 != 0 && v != start[i]).Should().NotBeEmpty();
    }

    [Fact]
    public void A_point_already_within_tolerance_is_left_alone()
    {
        var x = Square.Pack(KnownSchemes.Strassen());
        var outcome = LevenbergMarquardt.Minimise(Square, x, All(x.Length), 50, 0);
        outcome.Should().Be(new SolveOutcome(0, 0, true));
    }

    [Fact]
    public void With_nothing_free_the_residual_is_only_measured()
    {
        var x = NoisyStrassen(1e-3);
        var start = (double[])x.Clone();
        var outcome = LevenbergMarquardt.Minimise(Square, x, [], 50, 1e-12);
        outcome.Iterations.Should().Be(0);
        outcome.Converged.Should().BeFalse();
        outcome.MaxResidual.Should().Be(BrentCheck.MaxResidual(Square.Unpack(start)));
        x.Should().Equal(start);
    }

    [Fact]
    public void The_iteration_cap_is_respected()
    {
        var x = NoisyStrassen(1e-2);
        var outcome = LevenbergMarquardt.Minimise(Square, x, All(x.Length), 1, 1e-12);
        outcome.Iterations.Should().Be(1);
        outcome.Converged.Should().BeFalse();
        outcome.MaxResidual.Should().BeGreaterThan(1e-12);
    }

    [Fact]
    public void A_critical_point_with_no_descent_ends_the_solve_unconverged()
    {
        // The zero scheme of <1,1,1;1>: e = -1 but every derivative u v, u w, v w is 0.
        var system = new BrentSystem(new Shape(1, 1, 1), 1);
        var x = new double[3];
        var outcome = LevenbergMarquardt.Minimise(system, x, [0, 1, 2], 50, 1e-12);
        outcome.Should().Be(new SolveOutcome(1, 1, false));
        x.Should().Equal(0, 0, 0);
    }

    [Fact]
    public void A_scheme_of_too_low_rank_stalls_and_is_stopped_once_good_enough_allows_it()
    {
        // <2,2,2> has rank (and border rank) 7: six slots never reach zero residual.
        var system = new BrentSystem(Shape.Square2, 6);
        var rng = new GaussianSource(9);
        var x = Enumerable.Range(0, system.VariableCount).Select(_ => rng.NextGaussian()).ToArray();
        var capped = (double[])x.Clone();
        var full = LevenbergMarquardt.Minimise(system, capped, All(x.Length), 300, 1e-12);
        full.Converged.Should().BeFalse();
        full.MaxResidual.Should().BeGreaterThan(0.01);
        // goodEnough = infinity: the first step that does not halve the cost ends the solve early.
        var early = LevenbergMarquardt.Minimise(system, x, All(x.Length), 300, 1e-12, double.PositiveInfinity);
        early.Converged.Should().BeFalse();
        early.Iterations.Should().BeLessThan(full.Iterations);
    }

    [Fact]
    public void Good_enough_does_not_stop_a_solve_that_is_still_converging_fast()
    {
        var x = NoisyStrassen(1e-3);
        var outcome = LevenbergMarquardt.Minimise(Square, x, All(x.Length), 50, 1e-12, goodEnough: 1e-8);
        outcome.Converged.Should().BeTrue();
    }

    [Fact]
    public void Sums_of_squares_and_largest_magnitudes()
    {
        LevenbergMarquardt.SumOfSquares([3, -4]).Should().Be(25);
        LevenbergMarquardt.MaxAbs([3, -4, 1]).Should().Be(4);
        LevenbergMarquardt.MaxAbs([]).Should().Be(0);
    }
}
