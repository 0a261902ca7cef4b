using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;
using StrassenRepro.Formats;

namespace StrassenRepro.Cli;

/// <summary>The text and JSON of `equivalent` and `classify`: fractions as exact strings.</summary>
public static class OrbitText
{
    public const int Undecided = 3;

    public static int ExitCode(EquivalenceVerdict v) => v switch
    {
        EquivalenceVerdict.Equivalent => ExitCodes.Success,
        EquivalenceVerdict.NotEquivalent => ExitCodes.VerifiedFailure,
        _ => Undecided,
    };

    public static string Verdict(EquivalenceVerdict v) => v switch
    {
        EquivalenceVerdict.Equivalent => "EQUIVALENT",
        EquivalenceVerdict.NotEquivalent => "NOT EQUIVALENT",
        _ => "UNDECIDED",
    };

    private static string[][] Cells(Fraction[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j].ToString()).ToArray()).ToArray();

    private static string Show(Fraction[,] m) => "[" + string.Join(", ", Cells(m).Select(r => "[" + string.Join(", ", r) + "]")) + "]";

    private static object Invariant(OrbitInvariants i) => new
    {
        ring = i.Ring,
        rankTriples = i.RankTriples,
        rankTriplesText = i.RankTriplesText,
        pairRanks = i.PairRanks,
        fingerprint = i.Fingerprint,
    };

    private static object File(OrbitFile f) => new
    {
        path = f.Path,
        format = f.Format,
        shape = new[] { f.Scheme.Shape.N, f.Scheme.Shape.M, f.Scheme.Shape.P },
        slots = f.Scheme.Rank,
        invariants = Invariant(OrbitInvariants.Of(f.Scheme)),
    };

    public static object Json(EquivalenceReport r)
    {
        var map = r.Result.Map;
        return new
        {
            a = File(r.A),
            b = File(r.B),
            reason = r.Result.Reason,
            map = map is null ? null : new
            {
                symmetry = map.Symmetry,
                p = Cells(map.P),
                q = Cells(map.Q),
                r = Cells(map.R),
                slots = map.Slots,
                alpha = map.Alpha.Select(x => x.ToString()).ToArray(),
                beta = map.Beta.Select(x => x.ToString()).ToArray(),
            },
            nodes = r.Result.Nodes,
            verdict = Verdict(r.Result.Verdict),
            exitCode = ExitCode(r.Result.Verdict),
        };
    }

    public static void Print(EquivalenceReport r)
    {
        var o = Console.Out;
        foreach (var (label, f) in new[] { ("A", r.A), ("B", r.B) })
        {
            var inv = OrbitInvariants.Of(f.Scheme);
            o.WriteLine($"{label}  {f.Path}  ({f.Format}, shape {f.Scheme.Shape}, {f.Scheme.Rank} slots, ring {f.Scheme.Ring})");
            o.WriteLine($"   rank triples  {inv.RankTriplesText}   fingerprint {inv.Fingerprint}");
        }
        if (r.Result.Map is { } m)
        {
            o.WriteLine($"  symmetry      {m.Symmetry}");
            o.WriteLine($"  P             {Show(m.P)}");
            o.WriteLine($"  Q             {Show(m.Q)}");
            o.WriteLine($"  R             {Show(m.R)}");
            o.WriteLine($"  slots         {string.Join(" ", m.Slots.Select((b, a) => $"{a}->{b}"))}");
            o.WriteLine($"  alpha (U)     {string.Join(" ", m.Alpha)}");
            o.WriteLine($"  beta (V)      {string.Join(" ", m.Beta)}   (W by 1 / (alpha beta))");
        }
        o.WriteLine($"  searched      {r.Result.Nodes} partial slot matchings");
        o.WriteLine($"  reason        {r.Result.Reason}");
        o.WriteLine(Verdict(r.Result.Verdict));
    }

    public static object Json(ClassifyReport r) => new
    {
        schemes = r.Files.Count,
        classes = r.Classes.Select(c => new
        {
            invariant = Invariant(c.Invariant),
            shape = new[] { c.Shape.N, c.Shape.M, c.Shape.P },
            files = c.Members.Select(i => r.Files[i].Path).ToArray(),
            decided = c.Decided,
        }).ToArray(),
        unreadable = r.Unreadable.Select(u => new { path = u.Path, error = u.Error }).ToArray(),
    };

    public static void Print(ClassifyReport r)
    {
        var o = Console.Out;
        o.WriteLine("class\tshape\tfiles\tdecided\trank triples\tfingerprint\tmembers");
        for (int c = 0; c < r.Classes.Count; c++)
        {
            var k = r.Classes[c];
            o.WriteLine($"{c + 1}\t{k.Shape}\t{k.Members.Count}\t{(k.Decided ? "yes" : "no")}\t{k.Invariant.RankTriplesText}\t" +
                        $"{k.Invariant.Fingerprint}\t{string.Join(" ", k.Members.Select(i => r.Files[i].Path))}");
        }
        o.WriteLine($"{r.Files.Count} schemes, {r.Classes.Count} orbit classes ({r.Classes.Count(k => !k.Decided)} undecided)");
    }
}
