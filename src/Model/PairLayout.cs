using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// A training pair of a shape &lt;n,m,p&gt; as one row of floats: a (n m, row-major A), b (m p, row-major B), t (n p,
/// row-major A B). For &lt;2,2,2&gt; the row is 12 floats (Pairs.Width).
/// </summary>
public readonly record struct PairLayout(Shape Shape)
{
    public static readonly PairLayout Square2 = new(Shape.Square2);

    public int A => Shape.ASize;
    public int B => Shape.BSize;
    public int C => Shape.CSize;
    public int Width => A + B + C;

    /// <summary>Where b starts in a row.</summary>
    public int BOffset => A;

    /// <summary>Where t starts in a row.</summary>
    public int TOffset => A + B;

    /// <summary>Rows of R floats in the engines' layout (U[:, x], V[:, y], W[z, :]): one per entry of a row.</summary>
    public int ParameterRows => Width;
}
