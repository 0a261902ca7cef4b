using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace StrassenRepro.Reproduction.Store;

/// <summary>
/// The right to write one run store, held by at most one process: an exclusive advisory lock (flock) on
/// STORE.lock beside it. The kernel drops the lock when the holder exits, however it exits, so a crashed
/// holder never blocks the next one. The file holds the holder's pid and start time; it is never deleted,
/// because deleting a lock file lets two processes lock two different files of the same name.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    public string Path { get; }

    private StoreLock(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>The lock file of a run store.</summary>
    public static string PathFor(string storePath) => System.IO.Path.GetFullPath(storePath) + ".lock";

    /// <summary>Takes the lock of the store at storePath, or throws StoreBusyException at once (never waits).</summary>
    public static StoreLock Acquire(string storePath)
    {
        string path = PathFor(storePath);
        FileStream file;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix (and a sharing lock on Windows).
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException) && File.Exists(path))
        {
            throw new StoreBusyException(storePath, Holder.Read(path));
        }
        var holder = new Holder(Environment.ProcessId, DateTime.UtcNow);
        file.SetLength(0);
        file.Write(Encoding.UTF8.GetBytes(holder.ToLine()));
        file.Flush(flushToDisk: true);
        return new StoreLock(path, file);
    }

    /// <summary>Releases the lock; the emptied file says nobody holds it.</summary>
    public void Dispose()
    {
        try { _file.SetLength(0); }
        catch (IOException) { /* the lock is released by closing below all the same */ }
        _file.Dispose();
    }

    /// <summary>Who holds a lock: written by the holder, read by whoever is refused.</summary>
    public sealed record Holder(int ProcessId, DateTime StartedUtc)
    {
        public string ToLine() =>
            string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId} since {StartedUtc:O}\n");

        /// <summary>The holder named in a lock file, or null when it cannot be read.</summary>
        public static Holder? Read(string lockPath)
        {
            var parts = (UnlockedText.Read(lockPath) ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return parts.Length == 4 && parts[0] == "pid" && parts[2] == "since"
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && DateTime.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind,
                    out var started)
                ? new Holder(pid, started) : null;
        }
    }

    /// <summary>
    /// .NET takes a shared flock on every FileStream it opens by path, which the holder's exclusive lock
    /// refuses; the refused process reads the holder's line with plain open/read instead.
    /// </summary>
    private static class UnlockedText
    {
        public static string? Read(string path)
        {
            if (OperatingSystem.IsWindows()) return null;
            try
            {
                int fd = Open(path, 0);
                if (fd < 0) return null;
                try
                {
                    var buffer = new byte[256];
                    long n = ReadBytes(fd, buffer, buffer.Length);
                    return n > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)n) : null;
                }
                finally { _ = Close(fd); }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern nint ReadBytes(int fd, byte[] buffer, nint count);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);
    }
}
