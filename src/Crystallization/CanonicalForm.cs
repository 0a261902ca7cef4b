namespace StrassenRepro.Crystallization;

/// <summary>
/// A representative of a scheme up to slot order and the per-slot sign gauge (negate two of
/// U_r, V_r, W_:,r, which leaves the product unchanged): in each slot the first nonzero entry of U_r
/// and of V_r is made positive, then the slots are sorted lexicographically.
/// </summary>
public sealed class CanonicalForm : IEquatable<CanonicalForm>
{
    /// <summary>One row per slot: U_r, then V_r, then W_:,r.</summary>
    public IReadOnlyList<double[]> Slots { get; }

    public Shape Shape { get; }

    private CanonicalForm(Shape shape, List<double[]> slots)
    {
        Shape = shape;
        Slots = slots;
    }

    public static CanonicalForm Of(Scheme s)
    {
        var slots = new List<double[]>(s.Rank);
        for (int r = 0; r < s.Rank; r++)
        {
            var u = s.URow(r).ToArray();
            var v = s.VRow(r).ToArray();
            var w = s.WColumn(r);
            if (FirstNonZero(u) < 0) { Negate(u); Negate(w); }
            if (FirstNonZero(v) < 0) { Negate(v); Negate(w); }
            slots.Add([.. u, .. v, .. w]);
        }
        slots.Sort(Lexicographic);
        return new CanonicalForm(s.Shape, slots);
    }

    private static double FirstNonZero(double[] values)
    {
        foreach (var x in values)
            if (x != 0) return x;
        return 0;
    }

    private static void Negate(double[] values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = -values[i];
    }

    private static int Lexicographic(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>The canonical form as a scheme (slots in canonical order).</summary>
    public Scheme ToScheme()
    {
        int k = Slots.Count, a = Shape.ASize, b = Shape.BSize, c = Shape.CSize;
        var u = new double[k * a];
        var v = new double[k * b];
        var w = new double[c * k];
        for (int r = 0; r < k; r++)
        {
            Slots[r].AsSpan(0, a).CopyTo(u.AsSpan(r * a));
            Slots[r].AsSpan(a, b).CopyTo(v.AsSpan(r * b));
            for (int z = 0; z < c; z++) w[z * k + r] = Slots[r][a + b + z];
        }
        return new Scheme(Shape, k, u, v, w);
    }

    public bool Equals(CanonicalForm? other) =>
        other is not null && Shape == other.Shape && Slots.Count == other.Slots.Count &&
        Slots.Zip(other.Slots).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    public override bool Equals(object? obj) => Equals(obj as CanonicalForm);

    public override int GetHashCode() => HashCode.Combine(Shape, Slots.Count);

    private static readonly CanonicalForm StrassenForm = Of(KnownSchemes.Strassen());

    /// <summary>Equal to Strassen's own coefficients up to slot order and per-slot signs.</summary>
    public static bool IsStrassen(Scheme s) => HasStrassensSize(s) && Of(s).Equals(StrassenForm);

    /// <summary>A quick rejection only: the canonical forms compare shape and slot count anyway.</summary>
    // Stryker disable once Logical : equivalent, see mutation/equivalent-mutants.md
    private static bool HasStrassensSize(Scheme s) => s.Shape == Shape.Square2 && s.Rank == 7;
}
