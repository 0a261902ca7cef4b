using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Properties;

/// <summary>Random points of a scheme's symmetry orbit, derived from a seed (so FsCheck can shrink the seed).</summary>
public static class OrbitGenerator
{
    public static Scheme PermutedAndGauged(Scheme s, Random rng, bool mayTranspose = true)
    {
        var order = Enumerable.Range(0, s.Rank).OrderBy(_ => rng.Next()).ToArray();
        var moved = SchemeSymmetry.PermuteSlots(s, order);
        for (int r = 0; r < moved.Rank; r++)
            if (rng.Next(2) == 1) moved = SchemeSymmetry.SignGauge(moved, r, rng.Next(3));
        if (mayTranspose && rng.Next(2) == 1) moved = SchemeSymmetry.Transpose(moved);
        return moved;
    }

    /// <summary>A random 2x2 integer matrix of determinant +-1 (a product of elementary matrices).</summary>
    public static double[,] Unimodular(Random rng)
    {
        double[,] m = { { 1, 0 }, { 0, 1 } };
        for (int step = 0; step < 3; step++)
        {
            int k = rng.Next(-1, 2);
            double[,] e = rng.Next(3) switch
            {
                0 => new double[,] { { 1, k }, { 0, 1 } },
                1 => new double[,] { { 1, 0 }, { k, 1 } },
                _ => new double[,] { { 0, 1 }, { 1, 0 } },
            };
            m = Multiply(m, e);
        }
        if (rng.Next(2) == 1) m = Multiply(m, new double[,] { { -1, 0 }, { 0, 1 } });
        return m;
    }

    public static Scheme FullOrbitPoint(Scheme s, Random rng) =>
        PermutedAndGauged(SchemeSymmetry.ChangeBasis(s, Unimodular(rng), Unimodular(rng), Unimodular(rng)), rng);

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                c[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j];
        return c;
    }

    public static Scheme Base(int which) => (which & 1) == 0 ? KnownSchemes.Strassen() : KnownSchemes.Winograd();
}
