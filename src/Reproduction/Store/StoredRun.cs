using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Store;

/// <summary>
/// One finished run as the run store keeps it: the columns a claim filters and counts on, and the whole
/// record (configuration, verification, curves, kappa, transfer) as JSON.
/// </summary>
public sealed record StoredRun
{
    /// <summary>SHA-256 of the run's canonical configuration JSON: the run's identity.</summary>
    public required string ConfigHash { get; init; }
    public required string ConfigJson { get; init; }
    /// <summary>The run's training protocol (column "preset").</summary>
    public required string Protocol { get; init; }
    public required long Seed { get; init; }
    public required int BatchSize { get; init; }
    public required Outcome Outcome { get; init; }
    public Outcome? OutcomeAfterRecovery { get; init; }
    public required int STheta { get; init; }
    public required double Delta { get; init; }
    public required double BrentMaxResidual { get; init; }
    public required bool CanonicalStrassen { get; init; }
    /// <summary>Everything else, as JSON (the record written by the sweep).</summary>
    public required string RecordJson { get; init; }
    public required string GitCommit { get; init; }
    public required string VersionsJson { get; init; }
    public required DateTime FinishedUtc { get; init; }
    public required double Seconds { get; init; }
}
