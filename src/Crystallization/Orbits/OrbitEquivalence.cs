namespace StrassenRepro.Crystallization.Orbits;

public enum EquivalenceVerdict
{
    Equivalent,
    NotEquivalent,
    Undecided,
}

/// <summary>
/// A group element mapping scheme A onto scheme B: the shape symmetry applied to A first, then P, Q, R
/// (A -> P A Q^-1, B -> Q B R^-1, C -> P C R^-1, i.e. U_r -> P^-T U_r Q^T, V_r -> Q^-T V_r R^T, W_r -> P W_r R^-1),
/// then slot r goes to B's slot Slots[r] scaled by Alpha[r] (U), Beta[r] (V) and 1 / (Alpha[r] Beta[r]) (W).
/// </summary>
public sealed record OrbitMap(string Symmetry, Fraction[,] P, Fraction[,] Q, Fraction[,] R, int[] Slots,
    Fraction[] Alpha, Fraction[] Beta);

/// <param name="Reason">Why: the invariant that differs, the map's check, or the bound that was hit.</param>
/// <param name="Nodes">Partial slot matchings the search tried.</param>
public sealed record EquivalenceResult(EquivalenceVerdict Verdict, string Reason, OrbitMap? Map, long Nodes);

/// <summary>
/// Decides whether two exact schemes of one shape lie in one orbit. Invariants first (OrbitInvariants): one that
/// differs proves NOT EQUIVALENT. Else, for each shape symmetry, a search over slot matchings consistent with the
/// slots' rank triples and the pairs' pencil ranks. A matched slot pins the subspaces its matrices span, and
/// those conditions are linear in X, Y, Z separately, whatever the slot scalings (X U_a Y = a B_b means X maps
/// col U_a onto col B_b and Y^T maps the rows likewise; V and W alike): each match cuts the solution spaces of
/// X, Y, Z down. Where each is one line, X, Y, Z are known up to the scalings; a candidate (also small
/// combinations where a space stays larger once every slot is matched) is applied to A and checked exactly,
/// slot for slot, against B. Only a map so checked says EQUIVALENT; a search that ends or hits its bound without
/// one says UNDECIDED, never a guess.
/// </summary>
public static class OrbitEquivalence
{
    public const long DefaultMaxNodes = 200_000;

    /// <summary>Pencil ranks of all pairs are precomputed for the search's pruning up to this many slots.</summary>
    public const int MaxSlotsForPairPruning = 80;

    /// <summary>Candidates tried where a solution space is still more than a line once every slot is matched.</summary>
    public const int CombinationsPerLeaf = 24;

    public static EquivalenceResult Decide(OrbitScheme a, OrbitScheme b, long maxNodes = DefaultMaxNodes)
    {
        if (a.Shape != b.Shape) throw new ArgumentException($"shapes {a.Shape} and {b.Shape} differ", nameof(b));
        if (a.Ring != b.Ring) throw new ArgumentException("the schemes are read in different rings", nameof(b));
        if (a.Rank != b.Rank)
            return new(EquivalenceVerdict.NotEquivalent, $"rank differs: {a.Rank} slots against {b.Rank}", null, 0);
        var ia = OrbitInvariants.Of(a);
        var ib = OrbitInvariants.Of(b);
        if (ia.FirstDifference(ib) is { } which)
            return new(EquivalenceVerdict.NotEquivalent, which == "rank triples"
                ? $"rank triples differ: {ia.RankTriplesText} against {ib.RankTriplesText}"
                : $"pair ranks differ (fingerprints {ia.Fingerprint} and {ib.Fingerprint})", null, 0);
        long nodes = 0;
        bool bounded = false;
        foreach (var (name, moved) in a.ShapeSymmetries())
        {
            var search = new Search(moved, b, maxNodes - nodes);
            var map = search.Run();
            nodes += search.Nodes;
            if (map is not null)
                return new(EquivalenceVerdict.Equivalent, "the map sends A onto B exactly", map with { Symmetry = name }, nodes);
            if (search.HitBound)
            {
                bounded = true;
                break;
            }
        }
        return new(EquivalenceVerdict.Undecided, bounded
            ? $"no map found within the bound of {maxNodes} partial matchings; every invariant agrees"
            : "the search ended without a map, and every invariant agrees", null, nodes);
    }

    private sealed class Search
    {
        private readonly OrbitScheme _a;
        private readonly OrbitScheme _b;
        private readonly Ring _ring;
        private readonly long _maxNodes;
        private readonly int[][] _tripleA;
        private readonly int[][] _tripleB;
        private readonly int[,][]? _pencilA;
        private readonly int[,][]? _pencilB;
        private readonly int[] _order;
        private readonly int[] _match;
        private readonly bool[] _used;

        public long Nodes { get; private set; }
        public bool HitBound { get; private set; }

        public Search(OrbitScheme a, OrbitScheme b, long maxNodes)
        {
            (_a, _b, _ring, _maxNodes) = (a, b, a.Ring, maxNodes);
            _tripleA = Enumerable.Range(0, a.Rank).Select(r => OrbitInvariants.SlotTriple(a, r)).ToArray();
            _tripleB = Enumerable.Range(0, b.Rank).Select(r => OrbitInvariants.SlotTriple(b, r)).ToArray();
            if (a.Rank <= MaxSlotsForPairPruning)
            {
                _pencilA = Pencils(a);
                _pencilB = Pencils(b);
            }
            // Low-rank slots first: they pin the most.
            _order = Enumerable.Range(0, a.Rank).OrderBy(r => _tripleA[r].Sum()).ThenBy(r => r).ToArray();
            _match = Enumerable.Repeat(-1, a.Rank).ToArray();
            _used = new bool[b.Rank];
        }

        private static int[,][] Pencils(OrbitScheme s)
        {
            var p = new int[s.Rank, s.Rank][];
            for (int x = 0; x < s.Rank; x++)
                for (int y = x + 1; y < s.Rank; y++)
                    p[x, y] = p[y, x] =
                    [
                        OrbitInvariants.PencilRank(s.U[x], s.U[y], s.Ring), OrbitInvariants.PencilRank(s.V[x], s.V[y], s.Ring),
                        OrbitInvariants.PencilRank(s.W[x], s.W[y], s.Ring),
                    ];
            return p;
        }

        public OrbitMap? Run()
        {
            // Slot triples must match as multisets before any search (a symmetry that permutes them is skipped).
            var ka = _tripleA.Select(t => string.Join(",", t)).Order(StringComparer.Ordinal);
            var kb = _tripleB.Select(t => string.Join(",", t)).Order(StringComparer.Ordinal);
            if (!ka.SequenceEqual(kb)) return null;
            var s = _a.Shape;
            return Extend(0, Identity(s.N * s.N), Identity(s.M * s.M), Identity(s.P * s.P));
        }

        private static List<Fraction[]> Identity(int d) =>
            Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Select(j => i == j ? Fraction.One : Fraction.Zero).ToArray()).ToList();

        private OrbitMap? Extend(int depth, List<Fraction[]> x, List<Fraction[]> y, List<Fraction[]> z)
        {
            if (x.Count == 1 && y.Count == 1 && z.Count == 1) return TryCandidate(x[0], y[0], z[0]);
            if (depth == _order.Length) return TryCombinations(x, y, z);
            int a = _order[depth];
            for (int b = 0; b < _b.Rank; b++)
            {
                if (_used[b] || OrbitInvariants.Compare(_tripleA[a], _tripleB[b]) != 0 || !PairsAgree(a, b, depth)) continue;
                if (++Nodes > _maxNodes)
                {
                    HitBound = true;
                    return null;
                }
                var (cx, cy, cz) = Constraints(a, b);
                var nx = Restrict(x, cx);
                var ny = Restrict(y, cy);
                var nz = Restrict(z, cz);
                if (nx.Count == 0 || ny.Count == 0 || nz.Count == 0) continue;
                _match[a] = b;
                _used[b] = true;
                var found = Extend(depth + 1, nx, ny, nz);
                _used[b] = false;
                _match[a] = -1;
                if (found is not null || HitBound) return found;
            }
            return null;
        }

        private bool PairsAgree(int a, int b, int depth)
        {
            if (_pencilA is null || _pencilB is null) return true;
            for (int d = 0; d < depth; d++)
            {
                int a2 = _order[d];
                if (!_pencilA[a, a2].AsSpan().SequenceEqual(_pencilB[b, _match[a2]])) return false;
            }
            return true;
        }

        /// <summary>The linear conditions on X, Y, Z (flattened row-major) of matching slot a of A to slot b of B.</summary>
        private (List<Fraction[]>, List<Fraction[]>, List<Fraction[]>) Constraints(int a, int b)
        {
            var r = _ring;
            Fraction[,] T(Fraction[,] m) => FieldMatrix.Transpose(m);
            // X col(U_a) in col(B^U_b); X^T col(B^W_b) in col(W_a), i.e. c^T X y = 0 for y left-null of W_a.
            var cx = Outer(FieldMatrix.LeftNullSpace(_b.U[b], r), FieldMatrix.ColumnSpace(_a.U[a], r))
                .Concat(Outer(FieldMatrix.ColumnSpace(_b.W[b], r), FieldMatrix.LeftNullSpace(_a.W[a], r))).ToList();
            // row(U_a) Y in row(B^U_b); Y col(B^V_b) in col(V_a).
            var cy = Outer(FieldMatrix.ColumnSpace(T(_a.U[a]), r), FieldMatrix.LeftNullSpace(T(_b.U[b]), r))
                .Concat(Outer(FieldMatrix.LeftNullSpace(_a.V[a], r), FieldMatrix.ColumnSpace(_b.V[b], r))).ToList();
            // row(V_a) Z in row(B^V_b); row(B^W_b) Z^T in row(W_a), i.e. z^T Z r = 0 for z right-null of W_a.
            var cz = Outer(FieldMatrix.ColumnSpace(T(_a.V[a]), r), FieldMatrix.LeftNullSpace(T(_b.V[b]), r))
                .Concat(Outer(FieldMatrix.LeftNullSpace(T(_a.W[a]), r), FieldMatrix.ColumnSpace(T(_b.W[b]), r))).ToList();
            return (cx, cy, cz);
        }

        /// <summary>For every y, c: the row of y^T M c = sum_ij y_i c_j M_ij over M's flattened entries.</summary>
        private static IEnumerable<Fraction[]> Outer(List<Fraction[]> ys, List<Fraction[]> cs) =>
            from yv in ys
            from cv in cs
            select (from yi in yv from cj in cv select yi * cj).ToArray();

        /// <summary>The part of span(basis) that the constraint rows vanish on.</summary>
        private List<Fraction[]> Restrict(List<Fraction[]> basis, List<Fraction[]> rows)
        {
            if (rows.Count == 0) return basis;
            var projected = rows.Select(row => basis.Select(v => Dot(row, v)).ToArray()).ToList();
            var kernel = FieldMatrix.NullSpace(projected, basis.Count, _ring);
            return kernel.Select(t => Combine(basis, t)).ToList();
        }

        private Fraction Dot(Fraction[] x, Fraction[] y)
        {
            var sum = Fraction.Zero;
            for (int i = 0; i < x.Length; i++)
                if (!x[i].IsZero && !y[i].IsZero) sum += x[i] * y[i];
            return FieldMatrix.Norm(sum, _ring);
        }

        private Fraction[] Combine(List<Fraction[]> basis, IReadOnlyList<Fraction> t)
        {
            var v = Enumerable.Repeat(Fraction.Zero, basis[0].Length).ToArray();
            for (int k = 0; k < basis.Count; k++)
                if (!t[k].IsZero)
                    for (int i = 0; i < v.Length; i++) v[i] = FieldMatrix.Norm(v[i] + t[k] * basis[k][i], _ring);
            return v;
        }

        /// <summary>Small deterministic combinations of each space's basis: each vector alone, then all of them
        /// summed, then coefficients 1, 2, -1, ... cycled.</summary>
        private OrbitMap? TryCombinations(List<Fraction[]> x, List<Fraction[]> y, List<Fraction[]> z)
        {
            for (int c = 0; c < CombinationsPerLeaf; c++)
            {
                if (++Nodes > _maxNodes)
                {
                    HitBound = true;
                    return null;
                }
                if (TryCandidate(Pick(x, c), Pick(y, c + 1), Pick(z, c + 2)) is { } map) return map;
            }
            return null;
        }

        private Fraction[] Pick(List<Fraction[]> basis, int c)
        {
            Fraction[] small = [1, 2, -1, 3, -2];
            var t = Enumerable.Range(0, basis.Count).Select(k =>
                c < basis.Count ? (k == c ? Fraction.One : Fraction.Zero) : small[(k * 7 + c) % small.Length]).ToArray();
            return Combine(basis, t);
        }

        /// <summary>X, Y, Z from flattened vectors; the moved A matched slot by slot to B; the whole map checked.</summary>
        private OrbitMap? TryCandidate(Fraction[] xv, Fraction[] yv, Fraction[] zv)
        {
            var s = _a.Shape;
            var x = Square(xv, s.N);
            var y = Square(yv, s.M);
            var z = Square(zv, s.P);
            if (FieldMatrix.Inverse(x, _ring) is null || FieldMatrix.Inverse(y, _ring) is null ||
                FieldMatrix.Inverse(z, _ring) is null) return null;
            var moved = _a.Moved(x, y, z);
            int rank = _a.Rank;
            var slots = new int[rank];
            var alpha = new Fraction[rank];
            var beta = new Fraction[rank];
            var taken = new bool[rank];
            for (int r = 0; r < rank; r++)
            {
                int found = -1;
                for (int b = 0; b < rank && found < 0; b++)
                {
                    if (taken[b] || Ratio(moved.U[r], _b.U[b]) is not { } al || Ratio(moved.V[r], _b.V[b]) is not { } be ||
                        Ratio(moved.W[r], _b.W[b]) is not { } ga || FieldMatrix.Norm(al * be * ga, _ring) != Fraction.One) continue;
                    (found, alpha[r], beta[r]) = (b, al, be);
                }
                if (found < 0) return null;
                (slots[r], taken[found]) = (found, true);
            }
            // The check that decides: the map applied to A gives B, coefficient for coefficient.
            var order = new int[rank];
            var alphaOfB = new Fraction[rank];
            var betaOfB = new Fraction[rank];
            for (int r = 0; r < rank; r++) (order[slots[r]], alphaOfB[slots[r]], betaOfB[slots[r]]) = (r, alpha[r], beta[r]);
            if (!moved.Reordered(order, alphaOfB, betaOfB).SameAs(_b)) return null;
            // P = X^-T, Q = Y^T, R = Z^T in the convention.
            var p = FieldMatrix.Transpose(FieldMatrix.Inverse(x, _ring)!);
            return new OrbitMap("", p, FieldMatrix.Transpose(y), FieldMatrix.Transpose(z), slots, alpha, beta);
        }

        private static Fraction[,] Square(Fraction[] v, int n)
        {
            var m = new Fraction[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) m[i, j] = v[i * n + j];
            return m;
        }

        /// <summary>The f with target = f * source (f nonzero; 1 where both are zero), or null.</summary>
        private Fraction? Ratio(Fraction[,] source, Fraction[,] target)
        {
            var f = Fraction.One;
            var flatS = source.Cast<Fraction>().ToArray();
            var flatT = target.Cast<Fraction>().ToArray();
            int at = Array.FindIndex(flatS, v => !v.IsZero);
            if (at >= 0)
            {
                if (flatT[at].IsZero) return null;
                f = flatT[at] / flatS[at];
            }
            for (int i = 0; i < flatS.Length; i++)
                if (FieldMatrix.Norm(f * flatS[i], _ring) != flatT[i]) return null;
            return f;
        }
    }
}
