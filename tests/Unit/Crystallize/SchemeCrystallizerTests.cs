using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class SchemeCrystallizerTests
{
    private static readonly CrystallizeOptions NoLattice = new() { UseLatticeRecovery = false };

    private static Scheme StrassenPlusColumn() =>
        SchemeAlgebra.JoinColumns(KnownSchemes.Strassen(), KnownSchemes.Naive(new Shape(2, 2, 1)));

    private static void ShouldBeExact(CrystallizeResult result, Shape shape, int rank)
    {
        result.Succeeded.Should().BeTrue(result.Reason);
        result.Reason.Should().BeNull();
        result.Exact!.Shape.Should().Be(shape);
        result.Exact.Rank.Should().Be(rank);
        BrentCheck.Exact(result.Exact).IsValid.Should().BeTrue();
        result.Scheme.Should().NotBeNull();
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
        result.Scheme!.CoefficientsEqual(result.Exact.ToScheme()).Should().BeTrue();
    }

    [Fact]
    public void A_rotated_noisy_Strassen_is_crystallized_exactly_without_lattice_recovery()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), 5, maxCondition: 10, noise: 1e-4);
        var result = SchemeCrystallizer.TryCrystallize(input, NoLattice);
        ShouldBeExact(result, Shape.Square2, 7);
        result.Method.Should().Be(SchemeCrystallizer.ByRounding);
        result.ResidualBefore.Should().Be(BrentCheck.MaxResidual(input));
        result.Stats.Fixed.Should().Be(84);
        result.Stats.Passes.Should().Be(1);
        // The refinement, then one snap of all 84 coefficients: aligned and balanced, Strassen is on the grid.
        result.Stats.Solves.Should().Be(result.ResidualHistory.Count).And.Be(2);
        result.Stats.Iterations.Should().BePositive();
        result.ResidualHistory[^1].Should().Be(0);
        // Strassen in another basis: the rank-one slots of the result are those of an integer frame.
        result.Scheme!.Coefficients().Should().OnlyContain(c => Math.Abs(c) <= 1);
    }

    [Fact]
    public void A_non_square_scheme_is_crystallized_exactly()
    {
        // <2,2,3;11>: Strassen for two columns of B and C, the naive scheme for the third.
        var input = RandomOrbit.Move(StrassenPlusColumn(), 3, maxCondition: 10, noise: 1e-6);
        var result = SchemeCrystallizer.TryCrystallize(input);
        ShouldBeExact(result, new Shape(2, 2, 3), 11);
        result.Method.Should().Be(SchemeCrystallizer.ByRounding);
        result.Stats.Fixed.Should().Be(11 * (4 + 6 + 6));
    }

    [Fact]
    public void For_2x2_rank_7_lattice_recovery_comes_first()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), 5, maxCondition: 10, noise: 1e-4);
        var result = SchemeCrystallizer.TryCrystallize(input);
        ShouldBeExact(result, Shape.Square2, 7);
        result.Method.Should().Be(SchemeCrystallizer.ByLatticeRecovery);
        result.ResidualHistory.Should().BeEmpty();
        result.Stats.Should().Be(new CrystallizeStats());
        result.Scheme!.CoefficientsEqual(LatticeRecovery.TryRecover(input).Scheme!).Should().BeTrue();
    }

    [Fact]
    public void When_lattice_recovery_fails_rounding_still_tries()
    {
        // Condition number up to 100 and noise 1e-3: lattice recovery misses this one (residual 0.63).
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), 17, maxCondition: 100, noise: 1e-3);
        LatticeRecovery.TryRecover(input).Succeeded.Should().BeFalse();
        var result = SchemeCrystallizer.TryCrystallize(input, new CrystallizeOptions { MaxInputResidual = 1 });
        ShouldBeExact(result, Shape.Square2, 7);
        result.Method.Should().Be(SchemeCrystallizer.ByRounding);
    }

    [Fact]
    public void Lattice_recovery_applies_only_to_2x2_with_7_slots()
    {
        var naive = RandomOrbit.Move(KnownSchemes.Naive(Shape.Square2), 2, maxCondition: 10, noise: 1e-6);
        var result = SchemeCrystallizer.TryCrystallize(naive);
        ShouldBeExact(result, Shape.Square2, 8);
        result.Method.Should().Be(SchemeCrystallizer.ByRounding);
    }

    [Fact]
    public void A_scheme_of_impossible_rank_is_refused_with_a_reason_and_no_scheme()
    {
        // Six slots for 2x2 (rank and border rank 7): no exact scheme is near, whatever the coefficients.
        var rng = new GaussianSource(21);
        var strassen = KnownSchemes.Strassen().SelectSlots([0, 1, 2, 3, 4, 5]);
        var input = strassen.Map(c => c + 0.05 * rng.NextGaussian());
        var result = SchemeCrystallizer.TryCrystallize(input, new CrystallizeOptions { MaxInputResidual = 10 });
        result.Succeeded.Should().BeFalse();
        result.Exact.Should().BeNull();
        result.Scheme.Should().BeNull();
        result.Method.Should().BeNull();
        result.Reason.Should().StartWith("the real scheme does not converge to an exact one: Brent residual");
        result.ResidualHistory.Should().ContainSingle().Which.Should().BeGreaterThan(1e-3);
        result.Stats.Solves.Should().Be(1);
        result.Stats.Iterations.Should().BePositive();
    }

    [Fact]
    public void An_input_far_from_any_scheme_is_refused_before_any_solve()
    {
        var input = KnownSchemes.Strassen().Map(c => c + 0.3);
        var result = SchemeCrystallizer.TryCrystallize(input, NoLattice with { MaxInputResidual = 0.5 });
        result.Succeeded.Should().BeFalse();
        result.Reason.Should()
            .Be($"Brent residual {result.ResidualBefore:0.###e+0} is above 0.5: not near an exact scheme");
        result.ResidualHistory.Should().BeEmpty();
        result.Stats.Should().Be(new CrystallizeStats());
    }

    [Fact]
    public void The_input_residual_bound_is_inclusive()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), 5, maxCondition: 10, noise: 1e-4);
        double residual = BrentCheck.MaxResidual(input);
        SchemeCrystallizer.TryCrystallize(input, NoLattice with { MaxInputResidual = residual }).Succeeded
            .Should().BeTrue();
        SchemeCrystallizer.TryCrystallize(input, NoLattice with { MaxInputResidual = Math.BitDecrement(residual) })
            .Succeeded.Should().BeFalse();
    }

    [Fact]
    public void A_scheme_without_slots_is_refused()
    {
        var empty = new Scheme(Shape.Square2, 0, [], [], []);
        var result = SchemeCrystallizer.TryCrystallize(empty);
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("the scheme has no slots");
        result.ResidualBefore.Should().Be(1);
    }

    [Fact]
    public void An_exhausted_time_budget_ends_the_rounding_after_the_first_grid()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), 5, maxCondition: 10, noise: 1e-4);
        var result = SchemeCrystallizer.TryCrystallize(input, NoLattice with { TimeLimit = TimeSpan.Zero });
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("rounding on {-1, 0, 1}: the budget ran out with 84 coefficients still free");
        result.Stats.Passes.Should().Be(1);
        result.Stats.Solves.Should().Be(1);
    }

    [Fact]
    public void Without_single_fixes_every_grid_is_tried_in_turn()
    {
        // <2,2,3;11> needs single fixes after the first snap; with none allowed every pass fails.
        var input = RandomOrbit.Move(StrassenPlusColumn(), 3, maxCondition: 10, noise: 1e-6);
        var none = NoLattice with { CandidatesPerStep = 0 };
        var all = SchemeCrystallizer.TryCrystallize(input, none);
        all.Succeeded.Should().BeFalse();
        // Attempts {-1,0,1} > integers > fractions, integers > fractions, fractions, zeros > the three: 10 runs.
        all.Stats.Passes.Should().Be(10);
        all.Reason.Should()
            .StartWith("rounding on fractions with denominators up to 8: no fix keeps the residual below 1e-8: ");
        all.Stats.Fixed.Should().BeInRange(1, 175);
        SchemeCrystallizer.TryCrystallize(input, none with { MaxDenominator = 1 }).Reason.Should()
            .StartWith("rounding on integers up to 4: ");
        SchemeCrystallizer.TryCrystallize(input, none with { MaxDenominator = 1, MaxMagnitude = 1 }).Stats.Passes
            .Should().Be(3);
        SchemeCrystallizer.TryCrystallize(input, none with { MaxMagnitude = 1 }).Stats.Passes.Should().Be(6);
    }

    [Fact]
    public void A_family_point_the_greedy_rounding_misses_is_made_integral_by_zeroing_first()
    {
        // <1,2,1;3>: a1 b1 + a2 b2 with a spare slot, a point of its 3-parameter-plus family (random start
        // converged by LM, rounded to 4 digits). The greedy attempts land on fractions or nowhere; zeroing
        // first finds an integer scheme, as for the trained <3,3,3;23> runs.
        var input = new Scheme(new Shape(1, 2, 1), 3, [0.9345, -0.1523, 1.1113, 0.5163, 0.0115, 1.8867],
            [0.7662, -0.2416, 0.6133, 0.2301, 0.1406, -1.0572], [0.7703, 0.659, -0.4479]);
        var result = SchemeCrystallizer.TryCrystallize(input, NoLattice);
        ShouldBeExact(result, new Shape(1, 2, 1), 3);
        result.Exact!.IsIntegral.Should().BeTrue();
        // Three greedy attempts (3 + 2 + 1 grids), then zeros > {-1, 0, 1}.
        result.Stats.Passes.Should().Be(8);
    }

    [Fact]
    public void The_default_options_are_the_documented_ones()
    {
        var o = new CrystallizeOptions();
        o.UseLatticeRecovery.Should().BeTrue();
        o.MaxInputResidual.Should().Be(0.5);
        (o.RefineIterations, o.SolveIterations, o.CandidatesPerStep).Should().Be((200, 30, 6));
        (o.Tolerance, o.AcceptResidual, o.SnapTolerance).Should().Be((1e-11, 1e-8, 1e-6));
        (o.MaxMagnitude, o.MaxDenominator).Should().Be((4, 8));
        (o.RankOneTolerance, o.ClusterAngle).Should().Be((1e-4, 1e-3));
        o.MaxIterations.Should().Be(20_000);
        o.TimeLimit.Should().BeNull();
    }

    [Fact]
    public void A_failed_result_carries_its_reason_and_no_scheme()
    {
        var failed = CrystallizeResult.Failed(0.25, "why");
        failed.Succeeded.Should().BeFalse();
        failed.Reason.Should().Be("why");
        failed.ResidualBefore.Should().Be(0.25);
        failed.ResidualHistory.Should().BeEmpty();
        failed.Stats.Should().Be(new CrystallizeStats());
        (failed.Exact, failed.Scheme, failed.Method).Should().Be((null, null, null));
        var stats = new CrystallizeStats { Solves = 3 };
        var withHistory = CrystallizeResult.Failed(1, "x", [0.5, 0.1], stats);
        withHistory.ResidualHistory.Should().Equal(0.5, 0.1);
        withHistory.Stats.Should().BeSameAs(stats);
    }
}
