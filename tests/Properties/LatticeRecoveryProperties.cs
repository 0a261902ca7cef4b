using FsCheck;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Properties;

/// <summary>
/// Recovery on random orbit points (RandomOrbit: real P, Q, R with condition number up to 100, slot
/// scalings of both signs, shuffled slots, float64) and on schemes that must never be "recovered".
/// Each trial is a pure function of the FsCheck-drawn seed.
/// </summary>
[Trait("Category", "Fast")]
public class LatticeRecoveryProperties
{
    private const int Trials = 100;

    [Fact]
    public void Strassen_at_a_random_orbit_point_is_recovered_exactly() =>
        Sampled.Holds(Trials, seed => RecoveredExactly(RandomOrbit.Move(KnownSchemes.Strassen(), seed)));

    [Fact]
    public void Winograds_variant_at_a_random_orbit_point_is_recovered_exactly() =>
        Sampled.Holds(Trials, seed => RecoveredExactly(RandomOrbit.Move(KnownSchemes.Winograd(), seed)));

    [Fact]
    public void Strassen_at_a_random_orbit_point_with_noise_1e_6_is_recovered_exactly() =>
        Sampled.Holds(Trials, seed => RecoveredExactly(RandomOrbit.Move(KnownSchemes.Strassen(), seed, noise: 1e-6)));

    [Fact]
    public void Winograds_variant_at_a_random_orbit_point_with_noise_1e_6_is_recovered_exactly() =>
        Sampled.Holds(Trials, seed => RecoveredExactly(RandomOrbit.Move(KnownSchemes.Winograd(), seed, noise: 1e-6)));

    [Fact]
    public void A_near_miss_of_Strassen_made_continuous_is_never_recovered() => Sampled.Holds(Trials, seed =>
    {
        int coefficient = (int)(seed % 84);
        bool up = seed / 84 % 2 == 0;
        // One of the 84 coefficients moved by +-1 gives an invalid scheme, and a change of basis cannot make it valid.
        var nearMiss = Perturb(KnownSchemes.Strassen(), coefficient, up ? 1 : -1);
        if (BrentCheck.IsValid(nearMiss)) return true; // not a near miss (cannot happen for Strassen, checked anyway)
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(nearMiss, seed));
        return !result.Succeeded && result.Scheme is null && NeverWrong(result);
    });

    [Fact]
    public void Seven_slots_of_the_naive_scheme_in_a_random_basis_are_never_recovered() => Sampled.Holds(Trials, seed =>
    {
        var keep = Enumerable.Range(0, 8).Where(r => r != (int)(seed % 8)).ToArray();
        var seven = KnownSchemes.Naive(Shape.Square2).SelectSlots(keep);
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(seven, seed));
        return !result.Succeeded && NeverWrong(result);
    });

    [Fact]
    public void The_naive_rank_8_scheme_in_a_random_basis_is_never_recovered() => Sampled.Holds(50, seed =>
    {
        var result = LatticeRecovery.TryRecover(RandomOrbit.Move(KnownSchemes.Naive(Shape.Square2), seed));
        return !result.Succeeded && result.Reason!.StartsWith("not rank 7");
    });

    [Fact]
    public void Any_success_on_a_random_real_scheme_passes_the_exact_Brent_check() => Sampled.Holds(Trials, seed =>
    {
        var rng = new GaussianSource(seed);
        double[] Draw() => Enumerable.Range(0, 28).Select(_ => rng.NextGaussian()).ToArray();
        return NeverWrong(LatticeRecovery.TryRecover(new Scheme(Shape.Square2, 7, Draw(), Draw(), Draw())));
    });

    private static bool RecoveredExactly(Scheme input)
    {
        var result = LatticeRecovery.TryRecover(input);
        return result.Succeeded && result.Scheme!.IsIntegral && BrentCheck.Exact(result.Scheme).IsValid;
    }

    /// <summary>A success always carries an integral scheme that passes the exact check over Z.</summary>
    private static bool NeverWrong(RecoveryResult result) =>
        !result.Succeeded || (result.Scheme is { IsIntegral: true } s && BrentCheck.Exact(s).IsValid);

    private static Scheme Perturb(Scheme s, int index, int by)
    {
        var all = s.Coefficients().ToArray();
        all[index] += by;
        int u = s.UFlat.Length, v = s.VFlat.Length;
        return new Scheme(s.Shape, s.Rank, all.AsSpan(0, u), all.AsSpan(u, v), all.AsSpan(u + v));
    }
}
