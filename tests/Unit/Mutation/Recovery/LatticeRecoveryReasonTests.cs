using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

/// <summary>Why a recovery fails or is not attempted: each reason names the check that stopped it.</summary>
[Trait("Category", "Fast")]
public class LatticeRecoveryReasonTests
{
    [Fact]
    public void An_invalid_outcome_is_not_attempted_because_an_integral_input_has_no_basis_to_recover()
    {
        var result = LatticeRecovery.TryRecoverIfWorthTrying(KnownSchemes.Naive(Shape.Square2), Outcome.Invalid);
        result.Attempted.Should().BeFalse();
        result.Reason.Should().Be("the input is already integral and fails the Brent equations; there is no basis to recover");
    }

    [Fact]
    public void An_unconverged_outcome_with_a_large_residual_is_not_attempted_and_the_reason_names_the_residual()
    {
        var seven = KnownSchemes.Naive(Shape.Square2).SelectSlots([0, 1, 2, 3, 4, 5, 6]);
        var result = LatticeRecovery.TryRecoverIfWorthTrying(seven, Outcome.Unconverged);
        result.Attempted.Should().BeFalse();
        result.Reason.Should().StartWith("unconverged: Brent residual ").And.EndWith(" is above 0.05");
    }

    [Fact]
    public void U_slots_that_are_not_rank_one_are_named_as_the_problem()
    {
        var result = LatticeRecovery.TryRecover(WithU(RandomRows(42)));
        result.Reason.Should().StartWith("no rank-one structure: six slots of U are not rank one (worst sigma2/sigma1 ");
    }

    [Fact]
    public void V_slots_that_are_not_rank_one_are_named_as_the_problem_when_U_is_fine()
    {
        var s = KnownSchemes.Strassen();
        var result = LatticeRecovery.TryRecover(Scheme.FromRows(s.Shape, s.URows(), RandomRows(43), s.WRows()));
        result.Reason.Should().StartWith("no rank-one structure: six slots of V are not rank one (worst sigma2/sigma1 ");
    }

    [Fact]
    public void When_both_U_and_V_lack_the_structure_U_is_named()
    {
        var s = KnownSchemes.Strassen();
        var result = LatticeRecovery.TryRecover(Scheme.FromRows(s.Shape, RandomRows(42), RandomRows(43), s.WRows()));
        result.Reason.Should().StartWith("no rank-one structure: six slots of U are not rank one");
    }

    [Fact]
    public void Rank_one_U_slots_whose_directions_do_not_pair_up_are_named_as_the_problem()
    {
        var rng = new GaussianSource(7);
        var u = Enumerable.Range(0, 7).Select(_ => Outer(rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian())).ToArray();
        var result = LatticeRecovery.TryRecover(WithU(u));
        result.Reason.Should().StartWith("no rank-one structure: the rank-one directions of U do not fall pairwise onto three points (worst in-pair sine ");
    }

    [Fact]
    public void U_directions_whose_points_are_no_further_apart_than_twice_the_pair_spread_are_named_as_the_problem()
    {
        // Left directions at angles 0 / 0.07, 0.12 / 0.19 and pi/2 twice: each pair within sine 0.07 (fine),
        // but the first two points only sin(0.12) = 0.12 apart, less than twice that: not three distinct points.
        double[][] u =
        [
            [1, 0, 0, 1],
            Outer(Math.Cos(0.00), Math.Sin(0.00), 1, 0),
            Outer(Math.Cos(0.07), Math.Sin(0.07), 1, 0),
            Outer(Math.Cos(0.12), Math.Sin(0.12), 0, 1),
            Outer(Math.Cos(0.19), Math.Sin(0.19), 0, 1),
            Outer(0, 1, 1, 1),
            Outer(0, 1, 1, 1),
        ];
        var result = LatticeRecovery.TryRecover(WithU(u));
        result.Reason.Should().StartWith("no rank-one structure: the directions of U do not form three distinct points (separation 1.197e-1)");
    }

    [Fact]
    public void A_slot_whose_singular_value_ratio_is_exactly_the_bound_still_counts_as_rank_one()
    {
        // Strassen with M3's U slot a11 replaced by diag(10, 1): sigma2 / sigma1 = 0.1 exactly, same directions.
        var u = KnownSchemes.Strassen().URows();
        u[2] = [10, 0, 0, 1];
        RankOneDirections.Of(u[2]).Ratio.Should().Be(0.1);
        var result = LatticeRecovery.TryRecover(WithU(u));
        result.Attempted.Should().BeTrue();
        result.Reason.Should().StartWith("no labeling gives an exact scheme");
    }

    [Fact]
    public void When_every_candidate_rounds_too_far_the_reason_gives_the_closest_rounding_margin()
    {
        var result = LatticeRecovery.TryRecover(WithW(KnownSchemes.Strassen(), (0, 2, 0.3)));
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("no labeling gives an exact scheme (closest rounding margin 0.3 > 0.25)");
    }

    [Fact]
    public void When_candidates_round_closely_but_none_is_exact_the_reason_gives_no_margin()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1; // one coefficient off: every candidate rounds cleanly, none passes the Brent check
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows()), seed: 9));
        result.Reason.Should().Be("no labeling gives an exact scheme");
    }

    [Fact]
    public void When_the_closest_candidate_rounds_exactly_at_the_bound_but_is_not_exact_the_reason_gives_no_margin()
    {
        // The identity labeling is 0.25 from its rounding, which is not a valid scheme (W[0][2] rounds up to 1).
        var result = LatticeRecovery.TryRecover(WithW(KnownSchemes.Strassen(), (0, 0, 0.25), (0, 2, 0.75)));
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("no labeling gives an exact scheme");
    }

    [Fact]
    public void A_slot_too_small_to_rescale_ends_in_a_failed_recovery_not_an_exception()
    {
        // The rank-two V slot of Strassen at a subnormal size: 1 / its largest entry overflows, so no candidate is built.
        var s = KnownSchemes.Strassen();
        var v = s.VRows();
        v[0] = [1e-310, 0, 0, 1e-310];
        var result = LatticeRecovery.TryRecover(Scheme.FromRows(s.Shape, s.URows(), v, s.WRows()));
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("no labeling gives an exact scheme");
    }

    [Fact]
    public void An_input_so_large_that_its_squares_overflow_fails_the_structure_check_instead_of_throwing()
    {
        // Squares of 1e200 are infinite, so every direction is NaN (this used to throw a NullReferenceException).
        var result = LatticeRecovery.TryRecover(KnownSchemes.Strassen().Map(x => x * 1e200));
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().StartWith("no rank-one structure: the rank-one directions of U do not fall pairwise onto three points (worst in-pair sine NaN)");
    }

    internal static Scheme WithU(double[][] u)
    {
        var s = KnownSchemes.Strassen();
        return Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
    }

    internal static Scheme WithW(Scheme s, params (int Z, int R, double Delta)[] changes)
    {
        var w = s.WRows();
        foreach (var (z, r, delta) in changes) w[z][r] += delta;
        return Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w);
    }

    private static double[][] RandomRows(ulong seed)
    {
        var rng = new GaussianSource(seed);
        return Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
    }

    /// <summary>The rank-one slot x y^T, row-major.</summary>
    private static double[] Outer(double x1, double x2, double y1, double y2) => [x1 * y1, x1 * y2, x2 * y1, x2 * y2];
}
