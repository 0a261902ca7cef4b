namespace StrassenRepro.Reproduction.Store;

/// <summary>How many runs one shard brought that the merged store did not hold yet.</summary>
public sealed record MergedShard(string Path, int NewRuns);
