using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>What one run produced: its final weights (as a Scheme unless it diverged), the pruning it did, its curves and kappas.</summary>
public sealed record RunResult
{
    public required RunConfig Config { get; init; }
    public required string ConfigHash { get; init; }
    public required Weights FinalWeights { get; init; }
    /// <summary>The final weights as a Scheme; null when training diverged (non-finite weights).</summary>
    public required Scheme? Scheme { get; init; }
    public bool Diverged => Scheme is null;
    /// <summary>Slots held at 0 after Phase 2, in pruning order.</summary>
    public required IReadOnlyList<int> PrunedSlots { get; init; }
    /// <summary>True when Phase 2 was skipped because at most TargetSlots slots were active (the public code's rule).</summary>
    public required bool PruneSkipped { get; init; }
    public required long Steps { get; init; }
    public required IReadOnlyList<CurvePoint> Curves { get; init; }
    public required IReadOnlyList<Kappa> Kappas { get; init; }

    /// <summary>Slots the verification keeps: TargetSlots after pruning, all of them for Phase 1 alone (claim C3).</summary>
    public int VerifiedSlots => Config.Prune ? Config.TargetSlots : Config.Slots;

    public VerificationOptions VerificationOptions => new() { Rank = VerifiedSlots };
}
