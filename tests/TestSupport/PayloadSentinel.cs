namespace StrassenRepro.Tests;

/// <summary>
/// The folder the malicious fixtures' payloads would write into (/tmp/strassen-repro-pwned), held by one test at a
/// time across processes: test assemblies run in parallel, and one test deleting the folder while another relies on
/// it would make either fail for nothing. An exclusive lock file serialises them.
/// </summary>
public sealed class PayloadSentinel : IDisposable
{
    public const string Folder = "/tmp/strassen-repro-pwned";
    private readonly FileStream _lock;

    private PayloadSentinel(FileStream held) => _lock = held;

    /// <summary>Waits for the lock, then gives an empty, existing folder.</summary>
    public static PayloadSentinel Acquire()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                var held = new FileStream(Folder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
                Directory.CreateDirectory(Folder);
                return new PayloadSentinel(held);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>What appeared in the folder (a payload that ran would have created a file).</summary>
    public IReadOnlyList<string> Entries() => Directory.EnumerateFileSystemEntries(Folder).ToList();

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        _lock.Dispose();
    }
}
