using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests;

/// <summary>
/// Moves an exact scheme by a random element of its symmetry group: invertible integer or rational X, Y, Z (small
/// entries, drawn again until invertible), a shape symmetry, random nonzero rational slot scalings (1 over F2) and
/// a random slot order. A pure function of the seed.
/// </summary>
public static class ExactOrbit
{
    public static OrbitScheme Move(OrbitScheme s, int seed, bool rational = false)
    {
        var rng = new Random(seed);
        var symmetries = s.ShapeSymmetries();
        var moved = symmetries[rng.Next(symmetries.Count)].Scheme;
        moved = moved.Moved(Invertible(rng, moved.Shape.N, moved.Ring, rational), Invertible(rng, moved.Shape.M, moved.Ring, rational),
            Invertible(rng, moved.Shape.P, moved.Ring, rational));
        var order = Enumerable.Range(0, s.Rank).OrderBy(_ => rng.Next()).ToArray();
        var alpha = order.Select(_ => Scale(rng, s.Ring)).ToArray();
        var beta = order.Select(_ => Scale(rng, s.Ring)).ToArray();
        return moved.Reordered(order, alpha, beta);
    }

    private static Fraction Scale(Random rng, Ring ring) =>
        ring == Ring.F2 ? Fraction.One : new Fraction(rng.Next(1, 4) * (rng.Next(2) == 0 ? -1 : 1), rng.Next(1, 4));

    public static Fraction[,] Invertible(Random rng, int n, Ring ring, bool rational)
    {
        while (true)
        {
            var m = new Fraction[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    m[i, j] = ring == Ring.F2 ? rng.Next(2) : new Fraction(rng.Next(-2, 3), rational ? rng.Next(1, 3) : 1);
            if (FieldMatrix.Inverse(m, ring) is not null) return m;
        }
    }

    public static OrbitScheme Of(Scheme s, Ring ring = Ring.Z) => OrbitScheme.Of(RationalScheme.FromDyadic(s)!, ring);
}
