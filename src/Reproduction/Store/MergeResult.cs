namespace StrassenRepro.Reproduction.Store;

/// <summary>What a merge committed: the new runs of each shard and the target's count afterwards.</summary>
public sealed record MergeResult(string Target, IReadOnlyList<MergedShard> Shards, int StoredRuns);
