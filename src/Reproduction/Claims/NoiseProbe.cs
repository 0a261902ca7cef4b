using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// Gaussian noise on a scheme's coefficients, and the two ways the paper's code judges the result:
/// exactly after Q (variants a and c of C4), or numerically without Q (variant b: max error on random
/// 2x2 pairs below 1e-5, as the public validation does).
/// </summary>
public static class NoiseProbe
{
    public const double NumericalCriterion = 1e-5;

    public static Scheme AddNoise(Scheme s, double sigma, GaussianSource rng) => s.Map(x => x + sigma * rng.NextGaussian());

    public static bool ExactAfterQ(Scheme noisy) => BrentCheck.IsValid(Discretizer.Q(noisy));

    /// <summary>max |W((U a) * (V b)) - vec(A B)| over random N(0,1) pairs, in float64.</summary>
    public static double MaxErrorOnRandomPairs(Scheme s, int pairs, GaussianSource rng)
    {
        var shape = s.Shape;
        var a = new double[shape.ASize];
        var b = new double[shape.BSize];
        double max = 0;
        for (int t = 0; t < pairs; t++)
        {
            for (int i = 0; i < a.Length; i++) a[i] = rng.NextGaussian();
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextGaussian();
            var m = new double[s.Rank];
            for (int r = 0; r < s.Rank; r++)
            {
                double ua = 0, vb = 0;
                for (int x = 0; x < shape.ASize; x++) ua += s.U(r, x) * a[x];
                for (int y = 0; y < shape.BSize; y++) vb += s.V(r, y) * b[y];
                m[r] = ua * vb;
            }
            var reference = TransferTest.NaiveProduct(a, b, shape.N, shape.M, shape.P);
            for (int z = 0; z < shape.CSize; z++)
            {
                double c = 0;
                for (int r = 0; r < s.Rank; r++) c += s.W(z, r) * m[r];
                max = Math.Max(max, Math.Abs(c - reference[z]));
            }
        }
        return max;
    }
}
