using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// From trained real coefficients (the kept slots of any shape and rank, Brent residual small but not zero,
/// in an arbitrary basis and slot scaling) to an exact integer or small-rational scheme of the same shape
/// and rank, without knowing the answer:
/// <list type="number">
/// <item>for &lt;2,2,2;7&gt;, lattice recovery first (exact by de Groote's theorem where it applies);</item>
/// <item>slot gauge (largest U_r, V_r entries +1), then Levenberg-Marquardt to converge the real scheme;</item>
/// <item>a change of basis that makes the rank-one slots' directions axis-aligned (BasisAlignment), then the
///   diagonal scalings that bring the nonzero coefficients closest to +-1 (ScaleBalance);</item>
/// <item>rounding with re-optimisation (RoundingSearch), on the integers, then on small fractions, in several
///   attempts from the balanced scheme (the last one zeroing first); an integral result ends the search, else
///   the first dyadic (or else rational) one is returned;</item>
/// <item>the exact Brent check of the rounded scheme over Q (and over Z for an integer one).</item>
/// </list>
/// Deterministic for given options (no randomness; only an optional time limit depends on the machine).
/// </summary>
public static class SchemeCrystallizer
{
    public const string ByLatticeRecovery = "lattice recovery";
    public const string ByRounding = "rounding";

    public static CrystallizeResult TryCrystallize(Scheme keptSlots, CrystallizeOptions? options = null)
    {
        options ??= new CrystallizeOptions();
        double before = BrentCheck.MaxResidual(keptSlots);
        if (keptSlots.Rank == 0) return CrystallizeResult.Failed(before, "the scheme has no slots");
        if (options.UseLatticeRecovery && keptSlots.Shape == Shape.Square2 && keptSlots.Rank == 7)
        {
            var recovery = LatticeRecovery.TryRecover(keptSlots);
            if (recovery.Succeeded) return Recovered(before, recovery.Scheme!);
        }
        if (!(before <= options.MaxInputResidual))
            return CrystallizeResult.Failed(before,
                $"Brent residual {before:0.###e+0} is above {options.MaxInputResidual}: not near an exact scheme");

        var system = new BrentSystem(keptSlots.Shape, keptSlots.Rank);
        var budget = new SolveBudget(options.MaxIterations, options.TimeLimit);
        var x = system.Pack(SlotGauge.Normalize(keptSlots));
        var refined = budget.Solve(system, x, Enumerable.Range(0, x.Length).ToArray(), options.RefineIterations,
            options.Tolerance, options.AcceptResidual);
        if (!(refined.MaxResidual <= options.AcceptResidual))
            return CrystallizeResult.Failed(before,
                $"the real scheme does not converge to an exact one: Brent residual {refined.MaxResidual:0.###e+0} " +
                $"after {refined.Iterations} iterations", budget.History, Stats(budget, 0, 0, 0));

        var aligned = BasisAlignment.Align(system.Unpack(x), options.RankOneTolerance, options.ClusterAngle).Aligned;
        var start = system.Pack(ScaleBalance.Balance(aligned));
        string reason = "";
        int passes = 0, fixedCount = 0, backOffs = 0;
        RationalScheme? best = null;
        foreach (var attempt in Attempts(options))
        {
            // Each attempt restarts from the balanced scheme; within one, a grid goes on where the coarser one stopped.
            var search = new RoundingSearch(system, start, attempt[0].Grid, options, budget);
            foreach (var (grid, candidates) in attempt)
            {
                passes++;
                var (values, why) = search.Run(grid, candidates);
                fixedCount = search.FixedCount;
                if (values is not null)
                {
                    var exact = Assemble(keptSlots.Shape, keptSlots.Rank, values);
                    // The search keeps a fix only when the float residual is tiny; the exact check decides.
                    if (BrentCheck.Exact(exact).IsValid)
                    {
                        if (Preference(exact) == 0)
                            return Success(before, exact, budget, Stats(budget, values.Length, backOffs + search.BackOffs, passes));
                        if (best is null || Preference(exact) < Preference(best)) best = exact;
                        break;
                    }
                    reason = $"rounding on {Describe(grid)}: the rounded scheme fails the exact Brent check";
                    break;
                }
                reason = $"rounding on {Describe(grid)}: {why}";
                if (budget.Exhausted) break;
            }
            backOffs += search.BackOffs;
            if (budget.Exhausted) break;
        }
        if (best is not null)
            return Success(before, best, budget, Stats(budget, system.VariableCount, backOffs, passes));
        return CrystallizeResult.Failed(before, reason, budget.History, Stats(budget, fixedCount, backOffs, passes));
    }

    /// <summary>
    /// The rounding attempts, each a sequence of grids (and single fixes tried per step) run by one search.
    /// </summary>
    private static IEnumerable<(RationalGrid Grid, int Candidates)[]> Attempts(CrystallizeOptions o)
    {
        var grids = Grids(o).ToArray();
        int k = o.CandidatesPerStep;
        for (int i = 0; i < grids.Length; i++) yield return grids[i..].Select(g => (g, k)).ToArray();
        // Zeros first: a trained point lies on a family of schemes, and greedy fixes to nonzero values can leave
        // it at irrational points; zeroing what the family allows first keeps it sparse and rational more often.
        // Zero is a value of every grid; the smallest entries are not always the ones that can vanish, so it
        // looks further than the other steps.
        yield return [(new RationalGrid(1, 0), ZeroCandidateFactor * k), .. grids.Select(g => (g, k))];
    }

    /// <summary>How many times CandidatesPerStep the zeros-first step tries.</summary>
    public const int ZeroCandidateFactor = 5;

    /// <summary>0 for an integral scheme, 1 for a dyadic one (float64 holds it exactly), 2 for other fractions.</summary>
    private static int Preference(RationalScheme s) =>
        s.IsIntegral ? 0 : RationalScheme.FromDyadic(s.ToScheme()) is not null ? 1 : 2;

    private static IEnumerable<RationalGrid> Grids(CrystallizeOptions o)
    {
        // {-1, 0, 1} first: a free scaling fixed to 2 instead of 1 drags fractions into the coefficients it determines.
        yield return new RationalGrid(1, 1);
        if (o.MaxMagnitude > 1) yield return new RationalGrid(1, o.MaxMagnitude);
        if (o.MaxDenominator > 1) yield return new RationalGrid(o.MaxDenominator, o.MaxMagnitude);
    }

    private static string Describe(RationalGrid g) =>
        g.MaxDenominator > 1 ? $"fractions with denominators up to {g.MaxDenominator}"
        : g.MaxMagnitude == 0 ? "zeros" : g.MaxMagnitude == 1 ? "{-1, 0, 1}" : $"integers up to {g.MaxMagnitude}";

    private static CrystallizeStats Stats(SolveBudget b, int fixedCount, int backOffs, int passes) =>
        new()
        {
            Iterations = b.Iterations,
            Solves = b.Solves,
            Fixed = fixedCount,
            BackOffs = backOffs,
            Passes = passes,
        };

    /// <summary>The scheme whose coefficient vector (as BrentSystem packs it) is `values`.</summary>
    private static RationalScheme Assemble(Shape shape, int rank, Fraction[] values)
    {
        int v = rank * shape.ASize, w = v + rank * shape.BSize;
        return SlotIntegers.Make(new RationalScheme(shape, rank, values[..v], values[v..w], values[w..]));
    }

    private static CrystallizeResult Success(double before, RationalScheme exact, SolveBudget budget,
        CrystallizeStats stats)
    {
        Scheme? integral = exact.IsIntegral ? exact.ToScheme() : null;
        return new CrystallizeResult
        {
            Succeeded = true,
            Exact = exact,
            Scheme = integral,
            Method = ByRounding,
            ResidualBefore = before,
            ResidualHistory = budget.History,
            Stats = stats,
        };
    }

    private static CrystallizeResult Recovered(double before, Scheme integral) =>
        new()
        {
            Succeeded = true,
            Exact = RationalScheme.FromDyadic(integral, 1),
            Scheme = integral,
            Method = ByLatticeRecovery,
            ResidualBefore = before,
        };
}
