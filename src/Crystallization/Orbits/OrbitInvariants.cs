using System.Security.Cryptography;
using System.Text;

namespace StrassenRepro.Crystallization.Orbits;

/// <summary>
/// Invariants of a scheme's orbit under de Groote's symmetry group (OrbitScheme), exact over Q or F2.
/// <para>Rank triples: the sorted multiset of (rank U_r, rank V_r, rank W_r) over the slots, U_r as n x m,
/// V_r as m x p, W_r as n x p (AlphaTensor's nonequivalence notebook, Fawzi et al. 2022; Strassen: one (2,2,2),
/// six (1,1,1)). X U Y has the rank of U, scaling a slot keeps its ranks, reordering permutes the multiset.</para>
/// <para>Pair ranks: for every pair of slots a &lt; b, their two triples and the generic ranks of the pencils
/// (rank of U_a + t U_b for t in general position, likewise V, W), as one sorted multiset: the rank-of-slot-sums
/// refinement the issue names, made scale-free by taking the pencil's generic rank (over F2, where the only
/// scale is 1, rank(U_a + U_b) itself). X (U_a + t U_b) Y is the pencil of the moved slots, and scaling a slot
/// reparametrises t, so the multiset is invariant. The generic rank g &lt;= k = min(rows, cols) is the largest
/// rank over t = 1 .. k + 1: a nonzero g x g minor is a polynomial of degree &lt;= g in t, with at most g roots.</para>
/// <para>For a shape the transposition or the cyclic shift keeps, those permute the three coordinates of every
/// triple; the invariant is the least (in the order of its text) over that group's images, so it is theirs too.</para>
/// </summary>
public sealed record OrbitInvariants
{
    /// <summary>Pair ranks take O(R^2) small eliminations: beyond this many slots they are skipped.</summary>
    public const int MaxSlotsForPairs = 100;

    /// <summary>(rank U, rank V, rank W, how many slots), sorted.</summary>
    public required IReadOnlyList<int[]> RankTriples { get; init; }

    /// <summary>(triple of a, triple of b, pencil ranks of U, V, W, how many pairs), sorted; null when skipped.</summary>
    public IReadOnlyList<int[]>? PairRanks { get; init; }

    /// <summary>The first 16 hex digits of SHA-256 of the canonical text of both invariants: equal invariants,
    /// equal fingerprints.</summary>
    public required string Fingerprint { get; init; }

    public required string Ring { get; init; }

    /// <summary>"(1,1,1)x6 (2,2,2)x1".</summary>
    public string RankTriplesText => string.Join(" ", RankTriples.Select(t => $"({t[0]},{t[1]},{t[2]})x{t[3]}"));

    public static OrbitInvariants Of(OrbitScheme s)
    {
        bool pairs = s.Rank <= MaxSlotsForPairs;
        var best = s.ShapeSymmetries().Select(sym => Raw(sym.Scheme, pairs))
            .MinBy(raw => raw.Text, StringComparer.Ordinal);
        return new OrbitInvariants
        {
            RankTriples = best.Triples,
            PairRanks = best.Pairs,
            Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(best.Text)))[..16],
            Ring = s.Ring.ToString(),
        };
    }

    /// <summary>The first invariant in which the two differ ("rank triples", "pair ranks"), or null.</summary>
    public string? FirstDifference(OrbitInvariants other) =>
        Text(RankTriples) != Text(other.RankTriples) ? "rank triples"
        : PairRanks is not null && other.PairRanks is not null && Text(PairRanks) != Text(other.PairRanks) ? "pair ranks"
        : null;

    private static string Text(IReadOnlyList<int[]> rows) => string.Join(";", rows.Select(r => string.Join(",", r)));

    internal static int[] SlotTriple(OrbitScheme s, int r) =>
        [FieldMatrix.Rank(s.U[r], s.Ring), FieldMatrix.Rank(s.V[r], s.Ring), FieldMatrix.Rank(s.W[r], s.Ring)];

    /// <summary>The generic rank of the pencil a + t b (over F2: the rank of a + b).</summary>
    internal static int PencilRank(Fraction[,] a, Fraction[,] b, Ring ring)
    {
        if (ring == Crystallization.Ring.F2) return FieldMatrix.Rank(FieldMatrix.Combine(a, Fraction.One, b, ring), ring);
        int k = Math.Min(a.GetLength(0), a.GetLength(1));
        int best = 0;
        for (int t = 1; t <= k + 1 && best < k; t++) best = Math.Max(best, FieldMatrix.Rank(FieldMatrix.Combine(a, t, b, ring), ring));
        return best;
    }

    /// <summary>The pair value of slots a and b: the lesser triple first, then the three pencil ranks.</summary>
    internal static int[] PairValue(OrbitScheme s, int[][] triples, int a, int b)
    {
        var (first, second) = Compare(triples[a], triples[b]) <= 0 ? (triples[a], triples[b]) : (triples[b], triples[a]);
        return [.. first, .. second, PencilRank(s.U[a], s.U[b], s.Ring), PencilRank(s.V[a], s.V[b], s.Ring),
            PencilRank(s.W[a], s.W[b], s.Ring)];
    }

    internal static int Compare(int[] x, int[] y)
    {
        for (int i = 0; i < x.Length; i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return 0;
    }

    private sealed record RawInvariants(IReadOnlyList<int[]> Triples, IReadOnlyList<int[]>? Pairs, string Text);

    private static RawInvariants Raw(OrbitScheme s, bool pairs)
    {
        var triples = Enumerable.Range(0, s.Rank).Select(r => SlotTriple(s, r)).ToArray();
        var tripleCounts = Counted(triples);
        List<int[]>? pairCounts = null;
        if (pairs)
        {
            var values = new List<int[]>();
            for (int a = 0; a < s.Rank; a++)
                for (int b = a + 1; b < s.Rank; b++) values.Add(PairValue(s, triples, a, b));
            pairCounts = Counted(values);
        }
        return new RawInvariants(tripleCounts, pairCounts, Text(tripleCounts) + "|" + (pairCounts is null ? "-" : Text(pairCounts)));
    }

    private static List<int[]> Counted(IEnumerable<int[]> values) =>
        values.GroupBy(v => string.Join(",", v)).Select(g => (int[])[.. g.First(), g.Count()])
            .OrderBy(v => v, Comparer<int[]>.Create(Compare)).ToList();
}
