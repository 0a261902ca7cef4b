namespace StrassenRepro.Reproduction.Sweep;

/// <summary>
/// Where a sweep stands: runs done (stored before or now) of the runs planned for this shard; in the Crystallizing
/// stage, stored runs turned into exact schemes (or not) of those to do.
/// </summary>
public readonly record struct SweepProgress(int Done, int Total, int SkippedAsStored, int BatchSize, TimeSpan Elapsed,
    SweepStage Stage = SweepStage.Training);
