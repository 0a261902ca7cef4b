namespace StrassenRepro.Reproduction.Sweep;

/// <summary>Where a sweep stands: runs done (stored before or now) of the runs planned for this shard.</summary>
public readonly record struct SweepProgress(int Done, int Total, int SkippedAsStored, int BatchSize, TimeSpan Elapsed);
