using FsCheck.Xunit;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Properties;

/// <summary>
/// Strassen and Winograd under integer basis changes of determinant 2 or 4: their inverses bring halves and
/// quarters, so the scheme is exact only over Q. It verifies exactly (and transfers with those fractions);
/// one coefficient moved by 1/8 fails, where Q would round the difference away.
/// </summary>
[Trait("Category", "Fast")]
public class RationalOrbitProperties
{
    private static readonly VerificationOptions SizeTwo = new() { TransferLevels = [1] };

    private static readonly double[][] Diagonals = [[2, 1], [1, 2], [2, 2], [4, 1], [1, 4]];

    /// <summary>
    /// An integer 2x2 matrix of determinant +-2 or +-4: unimodular x diagonal x unimodular, or (well conditioned)
    /// diagonal x a signed permutation.
    /// </summary>
    private static double[,] OfDeterminant2Or4(Random rng, bool wellConditioned)
    {
        var d = Diagonals[rng.Next(Diagonals.Length)];
        var diagonal = new[,] { { d[0], 0 }, { 0, d[1] } };
        if (wellConditioned)
        {
            double sign = rng.Next(2) == 0 ? 1 : -1;
            var permutation = rng.Next(2) == 0 ? new[,] { { sign, 0 }, { 0, 1 } } : new[,] { { 0, sign }, { 1, 0 } };
            return Multiply(diagonal, permutation);
        }
        return Multiply(Multiply(OrbitGenerator.Unimodular(rng), diagonal), OrbitGenerator.Unimodular(rng));
    }

    private static double[,] Multiply(double[,] a, double[,] b) => new[,]
    {
        { a[0, 0] * b[0, 0] + a[0, 1] * b[1, 0], a[0, 0] * b[0, 1] + a[0, 1] * b[1, 1] },
        { a[1, 0] * b[0, 0] + a[1, 1] * b[1, 0], a[1, 0] * b[0, 1] + a[1, 1] * b[1, 1] },
    };

    /// <summary>A point of the orbit with at least one fraction among its coefficients (else it draws again).</summary>
    private static Scheme RationalPoint(int seed, Random rng, bool wellConditioned = false)
    {
        while (true)
        {
            var (p, q, r) = (OfDeterminant2Or4(rng, wellConditioned), OfDeterminant2Or4(rng, wellConditioned),
                OfDeterminant2Or4(rng, wellConditioned));
            var changed = SchemeSymmetry.ChangeBasis(OrbitGenerator.Base(seed), p, q, r);
            var moved = OrbitGenerator.PermutedAndGauged(changed, rng);
            if (!moved.IsIntegral) return moved;
        }
    }

    [Property(MaxTest = 300)]
    public bool A_basis_change_of_determinant_2_or_4_gives_a_rational_scheme_that_verifies_exactly(int seed)
    {
        // Size 2 only: these exact schemes can be so ill-conditioned that float64 transfer at 8 drifts past 1e-9.
        var report = Verifier.Verify(RationalPoint(seed, new Random(seed)), SizeTwo);
        return report.ExactArithmetic == "rational" && report.BrentValid && report.BrentFailedEquations == 0
               && report.Outcome is Outcome.Continuous or Outcome.Discrete && report.TransferOf == "rational";
    }

    [Property(MaxTest = 100)]
    public bool A_well_conditioned_rational_scheme_transfers_with_its_fractions_and_is_VALID(int seed)
    {
        var scheme = RationalPoint(seed, new Random(seed), wellConditioned: true);
        var report = Verifier.Verify(scheme, new VerificationOptions { TransferLevels = [1, 2, 3] });
        return report.TransferOf == "rational" && report.Transfer.All(t => t.Pass)
               && report.Valid && report.Verdict == "VALID";
    }

    [Property(MaxTest = 300)]
    public bool One_coefficient_off_by_an_eighth_fails_exactly(int seed)
    {
        var rng = new Random(seed);
        var s = RationalPoint(seed, rng);
        var w = s.WRows();
        w[rng.Next(s.Shape.CSize)][rng.Next(s.Rank)] += rng.Next(2) == 0 ? 0.125 : -0.125;
        var report = Verifier.Verify(Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w), SizeTwo);
        return report.ExactArithmetic == "rational" && !report.BrentValid && report.Outcome == Outcome.Invalid
               && !report.Valid && report.Verdict == "NOT VALID";
    }
}
