namespace StrassenRepro.Crystallization;

/// <summary>How a scheme is judged: slots kept, ring, transfer levels, tolerance for "continuous".</summary>
public sealed record VerificationOptions
{
    /// <summary>Slots kept by sparsification; null = the default (7 for &lt;2,2,2&gt; with R >= 7, else all).</summary>
    public int? Rank { get; init; }

    public Ring Ring { get; init; } = Ring.Z;

    /// <summary>Transfer levels; null = sizes up to 64 (TransferTest.DefaultLevels).</summary>
    public IReadOnlyList<int>? TransferLevels { get; init; }

    /// <summary>Max Brent residual of the un-rounded kept slots for the "continuous" outcome.</summary>
    public double ContinuousTolerance { get; init; } = 1e-3;

    public ulong TransferSeed { get; init; } = TransferTest.DefaultSeed;

    public static readonly VerificationOptions Default = new();

    public int KeptSlotsFor(Scheme s)
    {
        if (Rank is int k)
        {
            if (k < 1 || k > s.Rank) throw new SchemeFormatException($"--rank {k} is outside 1..{s.Rank} for this scheme");
            return k;
        }
        return s.Shape == Shape.Square2 ? Math.Min(s.Rank, 7) : s.Rank;
    }
}
