namespace StrassenRepro.Reproduction.Store;

/// <summary>
/// Joins shard stores into a target, all or nothing: the target (when there is one) is copied to a temporary
/// file beside it, the shards go into the copy, and the copy replaces the target by one rename. Whatever fails
/// before the rename leaves the target exactly as it was, or absent if it was absent.
/// </summary>
public static class StoreMerge
{
    public static MergeResult Into(string target, IReadOnlyList<string> shards)
    {
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full))
            throw new RunStoreException($"{target} is a folder: --into names the merged store's file");
        OutputFolder.Prepare(Path.GetDirectoryName(full)!);
        // The lock keeps a reproduce from adding runs to the target between the copy and the rename.
        using var storeLock = StoreLock.Acquire(full);
        var temp = Path.Combine(Path.GetDirectoryName(full)!,
            $".{Path.GetFileName(full)}.merge-{Guid.NewGuid():N}.tmp");
        try
        {
            if (File.Exists(full)) RunStore.Copy(full, temp);
            var merged = new List<MergedShard>();
            int stored;
            using (var store = RunStore.Open(temp))
            {
                foreach (var shard in shards) merged.Add(new MergedShard(shard, store.MergeFrom(shard)));
                stored = store.Count;
            }
            File.Move(temp, full, overwrite: true);
            return new MergeResult(target, merged, stored);
        }
        finally
        {
            foreach (var leftover in new[] { temp, temp + "-wal", temp + "-shm", temp + "-journal" })
                if (File.Exists(leftover)) File.Delete(leftover);
        }
    }
}
