namespace StrassenRepro.Crystallization;

/// <summary>Keeps the k most important slots (ties broken by the lower slot index, so the result is deterministic).</summary>
public static class Sparsifier
{
    /// <summary>The indices of the k most important slots, in their original order.</summary>
    public static int[] KeptSlots(Scheme s, int k)
    {
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), "k must not be negative");
        var importance = SlotImportance.Of(s);
        return Enumerable.Range(0, s.Rank)
            .OrderByDescending(r => importance[r]).ThenBy(r => r)
            .Take(k)
            .Order()
            .ToArray();
    }

    public static Scheme KeepTop(Scheme s, int k) => s.SelectSlots(KeptSlots(s, k));
}
