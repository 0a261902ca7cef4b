using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The smallest known ranks of small products (public facts; the rank of &lt;n,m,p&gt; is the same for every order of
/// n, m, p), to set a discovered scheme beside. Null where the table has no entry.
/// </summary>
public static class BestKnownRanks
{
    private static readonly Dictionary<(int, int, int), int> Known = new()
    {
        [(1, 1, 1)] = 1,
        [(2, 2, 2)] = 7,
        [(2, 2, 3)] = 11,
        [(2, 2, 4)] = 14,
        [(2, 3, 3)] = 15,
        [(2, 2, 5)] = 18,
        [(2, 3, 4)] = 20,
        [(3, 3, 3)] = 23,
        [(2, 4, 4)] = 26,
        [(3, 3, 4)] = 29,
        [(2, 3, 5)] = 25,
        [(2, 4, 5)] = 33,
        [(2, 5, 5)] = 40,
        [(3, 3, 5)] = 36,
        [(3, 4, 4)] = 38,
        [(4, 4, 4)] = 49,
    };

    public static int? Of(Shape s)
    {
        int[] d = [s.N, s.M, s.P];
        Array.Sort(d);
        if (d[0] == 1) return d[1] * d[2];   // <1,m,p> is a matrix-vector product: no saving on m p products
        return Known.TryGetValue((d[0], d[1], d[2]), out int r) ? r : null;
    }
}
