using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Folders;

/// <summary>The counts of one (shape, ring) of a folder run; an unreadable file has neither, shown as "?".</summary>
public sealed record FolderTallyLine(string Shape, string Ring, int Valid, int NotValid, int Unreadable);

/// <summary>
/// The closing table of a folder run, counted row by row as they stream: valid, not valid and unreadable by shape
/// and ring (Z, F2, or Q for exact fractions), the worst row's status and the verdict the last line prints.
/// </summary>
public sealed class FolderTally
{
    public const string Unknown = "?";

    /// <summary>Counts by (n, m, p, ring), in that order; an unreadable file's key sorts last.</summary>
    private readonly SortedDictionary<(int N, int M, int P, string Ring), int[]> _counts =
        new(Comparer<(int N, int M, int P, string Ring)>.Create((a, b) =>
            (a.N, a.M, a.P).CompareTo((b.N, b.M, b.P)) is var c and not 0 ? c : string.CompareOrdinal(a.Ring, b.Ring)));

    private static readonly (int, int, int, string) UnreadableKey = (int.MaxValue, 0, 0, Unknown);

    public int Files { get; private set; }

    public int Valid => Sum(FolderRowStatus.Valid);

    public int NotValid => Sum(FolderRowStatus.NotValid);

    public int Unreadable => Sum(FolderRowStatus.Unreadable);

    /// <summary>The worst row's status (no rows: valid, as nothing failed); its number is the exit code.</summary>
    public FolderRowStatus Worst => Unreadable > 0 ? FolderRowStatus.Unreadable
        : NotValid > 0 ? FolderRowStatus.NotValid : FolderRowStatus.Valid;

    /// <summary>The last line and the JSON's verdict, computed once from the counts.</summary>
    public string Verdict => Worst switch
    {
        FolderRowStatus.Valid => $"VALID: all {Files} files",
        FolderRowStatus.NotValid => $"NOT VALID: {NotValid} of {Files} files",
        _ => $"UNREADABLE: {Unreadable} of {Files} files ({NotValid} not valid)",
    };

    public void Add(FolderRow row)
    {
        var key = row.Report is { Shape: [int n, int m, int p] } r ? (n, m, p, RingOf(r)) : UnreadableKey;
        if (!_counts.TryGetValue(key, out var counts)) _counts[key] = counts = new int[3];
        counts[(int)row.Status]++;
        Files++;
    }

    /// <summary>The lines by shape (n, m, p as numbers), then ring; unreadable files last.</summary>
    public IReadOnlyList<FolderTallyLine> Lines() => _counts
        .Select(kv => new FolderTallyLine(kv.Key == UnreadableKey ? Unknown : $"<{kv.Key.N},{kv.Key.M},{kv.Key.P}>",
            kv.Key.Ring, kv.Value[0], kv.Value[1], kv.Value[2]))
        .ToList();

    /// <summary>Q where the file's exact fractions were checked over the rationals, else the ring checked in.</summary>
    public static string RingOf(VerificationReport r) =>
        r.ExactArithmetic == ExactArithmetic.Rational.ToWire() ? "Q" : r.Ring;

    private int Sum(FolderRowStatus status) => _counts.Values.Sum(c => c[(int)status]);
}
