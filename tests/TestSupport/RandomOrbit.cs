using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests;

/// <summary>
/// Moves a scheme to a random point of its orbit: a change of basis by random real P, Q, R (condition
/// number up to a bound, random sign of the determinant), random slot scalings of both signs, a random
/// slot order, and optional uniform noise. A pure function of the seed.
/// </summary>
public static class RandomOrbit
{
    public static Scheme Move(Scheme scheme, ulong seed, double maxCondition = 100, double noise = 0)
    {
        var rng = new GaussianSource(seed);
        var moved = SchemeSymmetry.ChangeBasis(scheme,
            RandomBasis(rng, scheme.Shape.N, maxCondition),
            RandomBasis(rng, scheme.Shape.M, maxCondition),
            RandomBasis(rng, scheme.Shape.P, maxCondition));
        for (int r = 0; r < moved.Rank; r++)
            moved = SchemeSymmetry.ScaleSlot(moved, r, SignedScale(rng), SignedScale(rng));
        moved = SchemeSymmetry.PermuteSlots(moved, Shuffle(rng, moved.Rank));
        return noise == 0 ? moved : moved.Map(x => x + noise * (2 * rng.NextUniform() - 1));
    }

    /// <summary>
    /// A 2x2 basis Rot(a) diag(s, +-s / c) Rot(b) with condition number c uniform in [1, maxCondition]; for
    /// other sizes O1 diag(s, ..., +-s / c) O2 with random orthogonal O1, O2 (Gram-Schmidt of Gaussian
    /// matrices) and the middle singular values log-uniform between s / c and s. The 2x2 draw is the one
    /// the lattice-recovery surveys were measured with, so it is kept as it was.
    /// </summary>
    public static double[,] RandomBasis(GaussianSource rng, int size, double maxCondition)
    {
        if (size != 2) return RandomBasisAnySize(rng, size, maxCondition);
        double c = 1 + (maxCondition - 1) * rng.NextUniform();
        double s = Math.Exp(2 * rng.NextUniform() - 1);
        double sign = rng.NextUniform() < 0.5 ? -1 : 1;
        var d = new[,] { { s, 0 }, { 0, sign * s / c } };
        return Multiply(Multiply(Rotation(2 * Math.PI * rng.NextUniform()), d), Rotation(2 * Math.PI * rng.NextUniform()));
    }

    private static double[,] RandomBasisAnySize(GaussianSource rng, int size, double maxCondition)
    {
        double c = 1 + (maxCondition - 1) * rng.NextUniform();
        double s = Math.Exp(2 * rng.NextUniform() - 1);
        if (size == 1) return new[,] { { rng.NextUniform() < 0.5 ? -s : s } };
        var sigma = new double[size];
        for (int i = 0; i < size; i++)
            sigma[i] = i == 0 ? s : i == size - 1 ? s / c : s / Math.Exp(Math.Log(c) * rng.NextUniform());
        if (rng.NextUniform() < 0.5) sigma[size - 1] = -sigma[size - 1];
        var left = RandomOrthogonal(rng, size);
        var right = RandomOrthogonal(rng, size);
        var m = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                for (int k = 0; k < size; k++) m[i, j] += left[i, k] * sigma[k] * right[k, j];
        return m;
    }

    private static double[,] RandomOrthogonal(GaussianSource rng, int size)
    {
        var q = new double[size, size];
        for (int col = 0; col < size; col++)
        {
            var v = new double[size];
            for (int i = 0; i < size; i++) v[i] = rng.NextGaussian();
            for (int prev = 0; prev < col; prev++)
            {
                double dot = 0;
                for (int i = 0; i < size; i++) dot += v[i] * q[i, prev];
                for (int i = 0; i < size; i++) v[i] -= dot * q[i, prev];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int i = 0; i < size; i++) q[i, col] = v[i] / norm;
        }
        return q;
    }

    /// <summary>+-e^t with t uniform in [-ln 5, ln 5]: magnitudes 0.2 .. 5, either sign.</summary>
    private static double SignedScale(GaussianSource rng)
    {
        double magnitude = Math.Exp(Math.Log(5) * (2 * rng.NextUniform() - 1));
        return rng.NextUniform() < 0.5 ? -magnitude : magnitude;
    }

    private static int[] Shuffle(GaussianSource rng, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(rng.NextULong() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static double[,] Rotation(double angle) =>
        new[,] { { Math.Cos(angle), -Math.Sin(angle) }, { Math.Sin(angle), Math.Cos(angle) } };

    private static double[,] Multiply(double[,] x, double[,] y) => new[,]
    {
        { x[0, 0] * y[0, 0] + x[0, 1] * y[1, 0], x[0, 0] * y[0, 1] + x[0, 1] * y[1, 1] },
        { x[1, 0] * y[0, 0] + x[1, 1] * y[1, 0], x[1, 0] * y[0, 1] + x[1, 1] * y[1, 1] },
    };
}
