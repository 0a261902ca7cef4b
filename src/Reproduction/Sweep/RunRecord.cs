using StrassenRepro.Crystallization;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>Everything the sweep keeps about one finished run (stored as JSON in the run store).</summary>
public sealed record RunRecord
{
    public required RunConfig Config { get; init; }
    public required string ConfigHash { get; init; }
    /// <summary>Verification of the final weights (sparsify, Q, Brent, outcome, transfer) with lattice recovery.</summary>
    public required VerificationReport Verification { get; init; }
    /// <summary>The final weights, all slots (pruned ones at 0), in our scheme JSON rows; null when training diverged.</summary>
    public required Crystallization.Recovery.SchemeRows? Weights { get; init; }
    public required IReadOnlyList<int> PrunedSlots { get; init; }
    public required bool PruneSkipped { get; init; }
    public required long Steps { get; init; }
    public required IReadOnlyList<CurvePoint> Curves { get; init; }
    public required IReadOnlyList<Kappa> Kappas { get; init; }
    /// <summary>The training protocol's source map (upstream script and path:line per hyperparameter); null for custom runs.</summary>
    public ProtocolSource? Source { get; init; }

    /// <summary>Success as the paper counts it (C1): S = 1 and the transfer holds at every size; never a fallback.</summary>
    public bool Success => Verification.STheta == 1 && Verification.TransferHolds;

    /// <summary>Q of the kept slots is an exact integer scheme (S = 1, outcome discrete): Strassen's table, as the paper rounds.</summary>
    public bool Discrete => Verification.Outcome == Outcome.Discrete;

    /// <summary>An exact integer scheme after lattice recovery (or already without it): exact, in whatever basis.</summary>
    public bool ExactAfterRecovery => (Verification.OutcomeAfterRecovery ?? Verification.Outcome) == Outcome.Discrete;

    /// <summary>The final weights as a scheme (only for runs that did not diverge).</summary>
    public Scheme Scheme() => Weights is null
        ? throw new InvalidOperationException($"run {ConfigHash[..16]} diverged: it has no weights")
        : Weights.ToScheme();

    /// <summary>The slots the verification kept (the pruned scheme the outcome is about).</summary>
    public Scheme KeptScheme() => Verification.KeptOf(Scheme());
}
