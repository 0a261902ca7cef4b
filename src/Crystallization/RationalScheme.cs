using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>
/// A scheme with exact rational coefficients (U: R x n*m, V: R x m*p, W: n*p x R, row-major, as Scheme),
/// for schemes whose published coefficients are fractions such as 1/2 or 1/8.
/// </summary>
public sealed class RationalScheme
{
    /// <summary>A double is taken as an exact fraction only when its denominator is at most this (2^10).</summary>
    public const long MaxDyadicDenominator = 1 << 10;

    private readonly Fraction[] _u;
    private readonly Fraction[] _v;
    private readonly Fraction[] _w;

    public Shape Shape { get; }
    public int Rank { get; }

    public RationalScheme(Shape shape, int rank, Fraction[] u, Fraction[] v, Fraction[] w)
    {
        if (u.Length != rank * shape.ASize || v.Length != rank * shape.BSize || w.Length != rank * shape.CSize)
            throw new ArgumentException(
                $"U, V, W have {u.Length}, {v.Length}, {w.Length} coefficients, not those of {shape} rank {rank}");
        Shape = shape;
        Rank = rank;
        (_u, _v, _w) = (u, v, w);
    }

    /// <summary>
    /// The scheme's doubles as exact fractions when every denominator is at most `maxDenominator`, else null.
    /// With 1 it answers for integral schemes only.
    /// </summary>
    public static RationalScheme? FromDyadic(Scheme s, long maxDenominator = MaxDyadicDenominator)
    {
        var u = Exact(s.UFlat, maxDenominator);
        var v = Exact(s.VFlat, maxDenominator);
        var w = Exact(s.WFlat, maxDenominator);
        return u is null || v is null || w is null ? null : new RationalScheme(s.Shape, s.Rank, u, v, w);
    }

    private static Fraction[]? Exact(ReadOnlySpan<double> values, long maxDenominator)
    {
        var result = new Fraction[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (Fraction.FromDyadic(values[i], maxDenominator) is not { } f) return null;
            result[i] = f;
        }
        return result;
    }

    public Fraction U(int r, int x) => _u[r * Shape.ASize + x];
    public Fraction V(int r, int y) => _v[r * Shape.BSize + y];
    public Fraction W(int z, int r) => _w[z * Rank + r];

    public bool IsIntegral => _u.Concat(_v).Concat(_w).All(f => f.IsInteger);

    /// <summary>The same slots in the given order, as Scheme.SelectSlots.</summary>
    public RationalScheme SelectSlots(IReadOnlyList<int> slots)
    {
        int k = slots.Count;
        var u = new Fraction[k * Shape.ASize];
        var v = new Fraction[k * Shape.BSize];
        var w = new Fraction[Shape.CSize * k];
        for (int s = 0; s < k; s++)
        {
            int r = slots[s];
            Array.Copy(_u, r * Shape.ASize, u, s * Shape.ASize, Shape.ASize);
            Array.Copy(_v, r * Shape.BSize, v, s * Shape.BSize, Shape.BSize);
            for (int z = 0; z < Shape.CSize; z++) w[z * k + s] = W(z, r);
        }
        return new RationalScheme(Shape, k, u, v, w);
    }

    /// <summary>Applies f to every exact coefficient.</summary>
    public RationalScheme Map(Func<Fraction, Fraction> f) =>
        new(Shape, Rank, _u.Select(f).ToArray(), _v.Select(f).ToArray(), _w.Select(f).ToArray());

    /// <summary>The nearest doubles (exact for dyadic fractions): for importance, transfer and output.</summary>
    public Scheme ToScheme() => new(Shape, Rank, Doubles(_u), Doubles(_v), Doubles(_w));

    private static double[] Doubles(Fraction[] values) => values.Select(f => f.ToDouble()).ToArray();

    /// <summary>U, V, W as integer numerators over one common denominator each: the Brent check's inputs.</summary>
    public (BigInteger[] Numerators, BigInteger Denominator) ScaledU() => Scaled(_u);
    public (BigInteger[] Numerators, BigInteger Denominator) ScaledV() => Scaled(_v);
    public (BigInteger[] Numerators, BigInteger Denominator) ScaledW() => Scaled(_w);

    private static (BigInteger[], BigInteger) Scaled(Fraction[] values)
    {
        var d = BigInteger.One;
        foreach (var f in values) d = d / BigInteger.GreatestCommonDivisor(d, f.Denominator) * f.Denominator;
        return (values.Select(f => f.Numerator * (d / f.Denominator)).ToArray(), d);
    }
}
