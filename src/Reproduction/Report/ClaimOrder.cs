using StrassenRepro.Reproduction.Claims;
namespace StrassenRepro.Reproduction.Report;

/// <summary>Claims in id order: C1, C2, ..., C10, C11, C12 (by number, not as strings).</summary>
public sealed class ClaimOrder : IComparer<string>
{
    public static readonly ClaimOrder Instance = new();

    public static IReadOnlyList<ClaimResult> Sort(IEnumerable<ClaimResult> claims) =>
        claims.OrderBy(c => c.Id, Instance).ToList();

    public int Compare(string? x, string? y)
    {
        var (px, nx, rx) = Split(x ?? "");
        var (py, ny, ry) = Split(y ?? "");
        int c = string.CompareOrdinal(px, py);
        if (c == 0) c = nx.CompareTo(ny);
        return c != 0 ? c : string.CompareOrdinal(rx, ry);
    }

    /// <summary>"C10b" -> ("C", 10, "b"); an id without digits sorts after every number of its prefix.</summary>
    static (string Prefix, long Number, string Suffix) Split(string id)
    {
        int i = 0;
        while (i < id.Length && !char.IsAsciiDigit(id[i])) i++;
        int j = i;
        while (j < id.Length && char.IsAsciiDigit(id[j]) && j - i < 18) j++;
        long n = j > i ? long.Parse(id.AsSpan(i, j - i)) : long.MaxValue;
        return (id[..i].ToUpperInvariant(), n, id[j..]);
    }
}
