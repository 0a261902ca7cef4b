using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Folders;

/// <summary>What a folder run verifies and with how many threads (`verify DIR`).</summary>
public sealed record FolderVerificationOptions(IReadOnlyList<string> Targets)
{
    /// <summary>Descend into subfolders (the catalogue keeps its schemes in nested folders).</summary>
    public bool Recursive { get; init; }

    /// <summary>Files verified at once; 0 for every processor.</summary>
    public int Threads { get; init; }

    /// <summary>Files taken beyond the next row to hand out, at most (finished rows wait there for their turn);
    /// 0 for 4 per thread, at least 16.</summary>
    public int Window { get; init; }

    /// <summary>Reads and verifies one file (it is called from several threads at once).</summary>
    public Func<string, VerificationReport> Verify { get; init; } = path => FileVerification.Verify(new FileVerificationRequest(path)).Report;

    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    public int EffectiveWindow => Window == 0 ? Math.Max(16, 4 * EffectiveThreads) : Window;
}
