using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// Where each run's parameters sit in a population snapshot: three blocks, U ([P, R, n m]), V ([P, R, m p]) and W
/// transposed ([P, R, n p]); for &lt;2,2,2&gt; that is [3, P, R, 4].
/// </summary>
public readonly record struct SnapshotLayout(int Runs, int Slots, Shape Shape)
{
    public int Length => Runs * Slots * (Shape.ASize + Shape.BSize + Shape.CSize);

    /// <summary>Start of run i's U (R rows of n m).</summary>
    public int U(int run) => run * Slots * Shape.ASize;

    /// <summary>Start of run i's V (R rows of m p).</summary>
    public int V(int run) => Runs * Slots * Shape.ASize + run * Slots * Shape.BSize;

    /// <summary>Start of run i's W transposed (R rows of n p).</summary>
    public int Wt(int run) => Runs * Slots * (Shape.ASize + Shape.BSize) + run * Slots * Shape.CSize;

    /// <summary>The layout of a snapshot of this length, slot count and shape.</summary>
    public static SnapshotLayout Of(int length, int slots, Shape shape) =>
        new(length / (slots * (shape.ASize + shape.BSize + shape.CSize)), slots, shape);
}
