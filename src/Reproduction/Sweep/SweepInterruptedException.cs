namespace StrassenRepro.Reproduction.Sweep;

/// <summary>
/// A sweep stopped on request (a signal) at a safe point: every committed population is in the store, the
/// population in training was dropped. Says how far the shard's plan got, for the resume hint.
/// </summary>
public sealed class SweepInterruptedException(string databasePath, int storedRuns, int plannedRuns)
    : OperationCanceledException($"stopped: {storedRuns} of {plannedRuns} runs stored in {databasePath}")
{
    public string DatabasePath { get; } = databasePath;

    /// <summary>Runs of this shard's plan that are in the store.</summary>
    public int StoredRuns { get; } = storedRuns;

    public int PlannedRuns { get; } = plannedRuns;
}
