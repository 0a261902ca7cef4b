using FsCheck.Xunit;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Properties;

[Trait("Category", "Fast")]
public class DiscretizerProperties
{
    [Property(MaxTest = 500)]
    public bool Q_is_idempotent(double x) =>
        !double.IsFinite(x) || Discretizer.Q(Discretizer.Q(x)) == Discretizer.Q(x);

    [Property(MaxTest = 500)]
    public bool Q_lands_on_minus_one_zero_or_one(double x) =>
        !double.IsFinite(x) || Discretizer.Q(x) is -1.0 or 0.0 or 1.0;

    [Property(MaxTest = 300)]
    public bool Delta_is_zero_exactly_when_every_coefficient_is_an_integer_in_minus_one_one(int seed)
    {
        var rng = new Random(seed);
        var s = OrbitGenerator.PermutedAndGauged(OrbitGenerator.Base(seed), rng);
        // Leave the scheme on the lattice, or move one coefficient off it (a fraction, or an integer beyond the clamp).
        int mode = rng.Next(3);
        var u = s.URows();
        int r = rng.Next(s.Rank), x = rng.Next(4);
        if (mode == 1) u[r][x] += rng.NextDouble() * 0.98 + 0.01;
        if (mode == 2) u[r][x] = rng.Next(2) == 0 ? -2 : 2;
        var t = Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        bool onLattice = t.Coefficients().All(c => c is -1.0 or 0.0 or 1.0);
        return (Discretizer.Delta(t) == 0) == onLattice && onLattice == (mode == 0);
    }

    [Property(MaxTest = 300)]
    public bool Any_perturbation_below_one_half_of_a_valid_lattice_scheme_is_undone_by_Q(int seed)
    {
        var rng = new Random(seed);
        var s = OrbitGenerator.PermutedAndGauged(OrbitGenerator.Base(seed), rng);
        double amplitude = 0.4999 * rng.NextDouble();
        var noisy = s.Map(c => c + amplitude * (2 * rng.NextDouble() - 1));
        var q = Discretizer.Q(noisy);
        var report = Verifier.Verify(noisy, new VerificationOptions { TransferLevels = [1] });
        return q.CoefficientsEqual(s) && report.STheta == 1 && report.Outcome == Outcome.Discrete;
    }
}
