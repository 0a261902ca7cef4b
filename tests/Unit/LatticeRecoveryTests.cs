using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class LatticeRecoveryTests
{
    [Fact]
    public void Strassen_itself_is_recovered_as_Strassen_with_a_negligible_rounding_margin()
    {
        var result = LatticeRecovery.TryRecover(KnownSchemes.Strassen());
        result.Succeeded.Should().BeTrue(result.Reason);
        result.CanonicalStrassen.Should().BeTrue();
        result.RoundingMargin.Should().BeLessThan(1e-12);
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Winograds_variant_is_recovered_as_Strassens_own_coefficients()
    {
        // Winograd's scheme lies in Strassen's orbit under GL2 x GL2 x GL2, so one labeling lands on Strassen.
        var result = LatticeRecovery.TryRecover(KnownSchemes.Winograd());
        result.Succeeded.Should().BeTrue(result.Reason);
        result.CanonicalStrassen.Should().BeTrue();
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_reported_basis_change_and_slot_scalings_map_the_input_onto_the_recovered_scheme()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), seed: 7, maxCondition: 50, noise: 1e-6);
        var result = LatticeRecovery.TryRecover(input);
        result.Succeeded.Should().BeTrue(result.Reason);

        var moved = SchemeSymmetry.ChangeBasis(input, ToArray(result.P!), ToArray(result.Q!), ToArray(result.R!));
        for (int r = 0; r < 7; r++) moved = SchemeSymmetry.ScaleSlot(moved, r, result.Alpha![r], result.Beta![r]);
        var distance = moved.Coefficients().Zip(result.Scheme!.Coefficients()).Max(t => Math.Abs(t.First - t.Second));
        distance.Should().BeLessThan(1e-9 + result.RoundingMargin!.Value).And.BeLessThan(0.05);
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_change_of_basis_matrices_have_unit_determinant()
    {
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(KnownSchemes.Strassen(), seed: 11));
        result.Succeeded.Should().BeTrue(result.Reason);
        foreach (var m in new[] { result.P!, result.Q!, result.R! })
            Math.Abs(m[0][0] * m[1][1] - m[0][1] * m[1][0]).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void A_Strassen_orbit_point_with_Brent_residual_near_1e_3_is_recovered_exactly()
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), seed: 3, maxCondition: 3, noise: 2e-4);
        var result = LatticeRecovery.TryRecover(input);
        result.ResidualBefore.Should().BeInRange(1e-4, 1e-2);
        result.Succeeded.Should().BeTrue(result.Reason);
        BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
    }

    [Fact]
    public void The_naive_rank_8_scheme_is_not_recovered_because_it_is_not_rank_7()
    {
        var result = LatticeRecovery.TryRecover(KnownSchemes.Naive(Shape.Square2));
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.Scheme.Should().BeNull();
        result.Reason.Should().StartWith("not rank 7");
    }

    [Fact]
    public void Seven_slots_of_the_naive_scheme_have_no_rank_one_frame_and_are_not_recovered()
    {
        var seven = KnownSchemes.Naive(Shape.Square2).SelectSlots([0, 1, 2, 3, 4, 5, 6]);
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(seven, seed: 5));
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().StartWith("no rank-one structure");
    }

    [Fact]
    public void A_near_miss_of_Strassen_moved_into_a_random_basis_is_not_recovered()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1; // M1 = (a11 + a12 + a22)(b11 + b22): one coefficient off, no longer a valid scheme
        var nearMiss = Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(nearMiss, seed: 9));
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.Scheme.Should().BeNull();
        result.Reason.Should().StartWith("no labeling gives an exact scheme");
    }

    [Fact]
    public void A_random_real_scheme_is_not_recovered()
    {
        var rng = new GaussianSource(42);
        var random = new Scheme(Shape.Square2, 7,
            Enumerable.Range(0, 28).Select(_ => rng.NextGaussian()).ToArray(),
            Enumerable.Range(0, 28).Select(_ => rng.NextGaussian()).ToArray(),
            Enumerable.Range(0, 28).Select(_ => rng.NextGaussian()).ToArray());
        var result = LatticeRecovery.TryRecover(random);
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(3, 3, 3)]
    [InlineData(2, 3, 2)]
    public void Other_shapes_are_not_attempted_and_say_so_plainly(int n, int m, int p)
    {
        var result = LatticeRecovery.TryRecover(KnownSchemes.Naive(new Shape(n, m, p)));
        result.Attempted.Should().BeFalse();
        result.Succeeded.Should().BeFalse();
        result.Reason.Should().Be("recovery is only implemented for 2x2 rank 7");
    }

    [Theory]
    [InlineData(Outcome.Continuous, 1e-3, true)]
    [InlineData(Outcome.Unconverged, 0.05, true)]
    [InlineData(Outcome.Unconverged, 0.051, false)]
    [InlineData(Outcome.Discrete, 0.0, false)]
    [InlineData(Outcome.Invalid, 0.0, false)]
    public void Recovery_is_worth_trying_for_continuous_and_nearly_converged_outcomes_only(Outcome outcome, double residual, bool expected)
    {
        LatticeRecovery.IsWorthTrying(outcome, residual).Should().Be(expected);
    }

    [Fact]
    public void A_discrete_outcome_is_not_attempted_and_stays_discrete()
    {
        var result = LatticeRecovery.TryRecoverIfWorthTrying(KnownSchemes.Strassen(), Outcome.Discrete);
        result.Attempted.Should().BeFalse();
        result.Reason.Should().StartWith("already discrete");
        result.OutcomeAfter(Outcome.Discrete).Should().Be(Outcome.Discrete);
    }

    [Fact]
    public void A_continuous_outcome_is_recovered_and_becomes_discrete()
    {
        var result = LatticeRecovery.TryRecoverIfWorthTrying(RandomOrbit.Move(KnownSchemes.Winograd(), seed: 2), Outcome.Continuous);
        result.Succeeded.Should().BeTrue(result.Reason);
        result.OutcomeAfter(Outcome.Continuous).Should().Be(Outcome.Discrete);
    }

    [Fact]
    public void A_failed_recovery_leaves_the_outcome_unchanged()
    {
        var seven = KnownSchemes.Naive(Shape.Square2).SelectSlots([0, 1, 2, 3, 4, 5, 6]).Map(x => 0.9 * x);
        var result = LatticeRecovery.TryRecoverIfWorthTrying(seven, Outcome.Continuous);
        result.Attempted.Should().BeTrue();
        result.Succeeded.Should().BeFalse();
        result.OutcomeAfter(Outcome.Continuous).Should().Be(Outcome.Continuous);
    }

    [Theory]
    [InlineData(1e150)]
    [InlineData(1e-150)]
    public void An_input_of_extreme_magnitude_ends_in_a_result_not_an_exception(double factor)
    {
        var input = RandomOrbit.Move(KnownSchemes.Strassen(), seed: 13).Map(x => x * factor);
        var result = LatticeRecovery.TryRecover(input);
        result.Attempted.Should().BeTrue();
        if (result.Succeeded) BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
        else result.Reason.Should().NotBeNullOrEmpty();
    }

    private static double[,] ToArray(double[][] m) => new[,] { { m[0][0], m[0][1] }, { m[1][0], m[1][1] } };
}
