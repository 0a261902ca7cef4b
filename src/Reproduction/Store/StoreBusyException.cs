using System.Globalization;

namespace StrassenRepro.Reproduction.Store;

/// <summary>Another process holds a run store's lock (exit code 2, like any unusable store).</summary>
public sealed class StoreBusyException(string storePath, StoreLock.Holder? holder)
    : RunStoreException(Describe(storePath, holder))
{
    public StoreLock.Holder? Holder { get; } = holder;

    private static string Describe(string storePath, StoreLock.Holder? holder)
    {
        string who = holder is null ? "another process"
            : $"another process (pid {holder.ProcessId.ToString(CultureInfo.InvariantCulture)}, since " +
              $"{holder.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)})";
        return $"{storePath} is in use by {who}; wait for it to finish, or choose another --out";
    }
}
