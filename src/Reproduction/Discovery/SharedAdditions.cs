using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// Additions one level down when partial sums may be shared, counted greedily (a common-subexpression heuristic).
/// A scheme's linear forms are, on three sides counted apart: the A side (each slot's U_r over the entries of A),
/// the B side (each V_r over B) and the outputs (each C[i,k] as its combination of the R products). While some pair
/// of signed terms occurs in two or more forms of a side (x and y with the same ratio c_y / c_x, so that
/// (a11 + a22) and (-a11 - a22) share a11 + a22), the pair found in the most forms (ties: the smallest variables)
/// becomes one new variable t = x + (c_y / c_x) y, one addition, and each of those forms takes c_x t in place of
/// both terms. The count is the pairs introduced plus, for each form left, its terms minus one. It is an upper bound
/// on the fewest additions with shared sums, not that minimum: Winograd's variant gives 15, its published figure;
/// Strassen's forms share no pair, so it stays at SchemeCost's 18.
/// </summary>
public static class SharedAdditions
{
    /// <summary>The additions of each side and their total.</summary>
    public sealed record Count(int ASide, int BSide, int Outputs)
    {
        public int Total => ASide + BSide + Outputs;
    }

    /// <summary>A scheme of integers or dyadic fractions (every scheme discover keeps), read exactly.</summary>
    public static Count Of(Scheme s) => Of(RationalScheme.FromDyadic(s)
        ?? throw new ArgumentException("the scheme has coefficients that are not dyadic fractions", nameof(s)));

    public static Count Of(RationalScheme s)
    {
        var shape = s.Shape;
        var a = Enumerable.Range(0, s.Rank).Select(r => Form(shape.ASize, x => s.U(r, x))).ToList();
        var b = Enumerable.Range(0, s.Rank).Select(r => Form(shape.BSize, y => s.V(r, y))).ToList();
        var c = Enumerable.Range(0, shape.CSize).Select(z => Form(s.Rank, r => s.W(z, r))).ToList();
        return new Count(Greedy(a, shape.ASize), Greedy(b, shape.BSize), Greedy(c, s.Rank));
    }

    /// <summary>The nonzero terms of one linear form: variable, coefficient.</summary>
    private static Dictionary<int, Fraction> Form(int variables, Func<int, Fraction> at)
    {
        var form = new Dictionary<int, Fraction>();
        for (int x = 0; x < variables; x++)
            if (!at(x).IsZero) form[x] = at(x);
        return form;
    }

    private readonly record struct Pair(int X, int Y, Fraction Ratio);

    /// <summary>The greedy count of one side's forms (changed in place); new variables are numbered from next.</summary>
    private static int Greedy(List<Dictionary<int, Fraction>> forms, int next)
    {
        int introduced = 0;
        while (MostShared(forms) is { } pair)
        {
            int t = next++;
            introduced++;
            foreach (var form in forms)
            {
                if (!Holds(form, pair)) continue;
                var cx = form[pair.X];
                form.Remove(pair.X);
                form.Remove(pair.Y);
                form[t] = cx;
            }
        }
        return introduced + forms.Sum(f => Math.Max(0, f.Count - 1));
    }

    private static bool Holds(Dictionary<int, Fraction> form, Pair p) =>
        form.TryGetValue(p.X, out var cx) && form.TryGetValue(p.Y, out var cy) && cy / cx == p.Ratio;

    /// <summary>The pair in the most forms when that is two or more, else null; ties go to the smallest X, then Y.</summary>
    private static Pair? MostShared(List<Dictionary<int, Fraction>> forms)
    {
        var counts = new Dictionary<Pair, int>();
        foreach (var form in forms)
        {
            var vars = form.Keys.Order().ToArray();
            for (int i = 0; i < vars.Length; i++)
                for (int j = i + 1; j < vars.Length; j++)
                {
                    var pair = new Pair(vars[i], vars[j], form[vars[j]] / form[vars[i]]);
                    counts[pair] = counts.GetValueOrDefault(pair) + 1;
                }
        }
        var best = counts.Where(kv => kv.Value >= 2).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.X)
            .ThenBy(kv => kv.Key.Y).ThenBy(kv => kv.Key.Ratio.ToDouble()).Select(kv => (Pair?)kv.Key).FirstOrDefault();
        return best;
    }
}
