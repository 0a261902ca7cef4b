namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Rounding with re-optimisation. Starting from a converged real scheme, repeatedly: every free coefficient
/// within SnapTolerance of the grid is fixed at once; otherwise the free coefficient nearest to the grid is
/// fixed to its grid value. The rest are re-solved on the Brent equations with the fixed ones held; a fix
/// after which the residual stays above AcceptResidual is undone and the next candidate tried. Each kept
/// fix removes one degree of freedom from the solution set (the symmetries and any family of schemes), so
/// once those are used up the remaining coefficients converge onto the grid and are snapped together.
/// A search that stops may go on on a finer grid (Run(grid, candidates)): its fixes stay, being on that grid too.
/// </summary>
public sealed class RoundingSearch
{
    private readonly BrentSystem _system;
    private readonly RationalGrid _grid;
    private readonly CrystallizeOptions _options;
    private readonly SolveBudget _budget;
    private readonly double[] _x;
    private readonly Fraction?[] _fixed;

    public int BackOffs { get; private set; }
    public int FixedCount => _fixed.Count(f => f is not null);

    public RoundingSearch(BrentSystem system, ReadOnlySpan<double> start, RationalGrid grid, CrystallizeOptions options,
        SolveBudget budget)
    {
        (_system, _grid, _options, _budget) = (system, grid, options, budget);
        _x = start.ToArray();
        _fixed = new Fraction?[_x.Length];
    }

    /// <summary>The grid value of every coefficient when the search fixes them all, else null and the reason.</summary>
    public (Fraction[]? Values, string? Reason) Run() => Run(_grid, _options.CandidatesPerStep);

    /// <summary>
    /// Run on `grid` from where the search stands (its fixes kept), trying up to `candidatesPerStep` single fixes.
    /// </summary>
    public (Fraction[]? Values, string? Reason) Run(RationalGrid grid, int candidatesPerStep)
    {
        while (true)
        {
            var free = FreeIndices();
            if (free.Count == 0) return (_fixed.Select(f => f!.Value).ToArray(), null);
            if (_budget.Exhausted) return (null, $"the budget ran out with {free.Count} coefficients still free");
            var values = free.Select(i => (Index: i, Nearest: grid.Nearest(_x[i])))
                .OrderBy(c => c.Nearest.Cost).ThenBy(c => c.Index)
                .Select(c => new FixCandidate([c.Index], [c.Nearest.Value], c.Nearest.Cost)).ToList();
            var snap = values.TakeWhile(c => c.Cost <= _options.SnapTolerance).ToList();
            // All at once: they are determined already (one solve instead of one each). Should the batch
            // fail, they are still tried one by one below, being the nearest candidates.
            if (snap.Count > 0 && TryFix(new FixCandidate(snap.SelectMany(c => c.Indices).ToArray(),
                    snap.SelectMany(c => c.Values).ToArray(), 0))) continue;
            bool kept = false;
            foreach (var c in values.Take(candidatesPerStep))
            {
                if (TryFix(c))
                {
                    kept = true;
                    break;
                }
                BackOffs++;
                if (_budget.Exhausted) break;
            }
            if (!kept)
                return (null, $"no fix keeps the residual below {_options.AcceptResidual:0.#e+0}: " +
                              $"{free.Count} coefficients still free, {BackOffs} fixes backed off");
        }
    }

    private List<int> FreeIndices()
    {
        var free = new List<int>();
        for (int i = 0; i < _fixed.Length; i++)
            if (_fixed[i] is null) free.Add(i);
        return free;
    }

    /// <summary>
    /// Fixes the given coefficients, re-solves the free ones, and keeps the result only if it converged.
    /// </summary>
    private bool TryFix(FixCandidate fix)
    {
        var saved = (double[])_x.Clone();
        var list = fix.Indices.Zip(fix.Values).ToList();
        foreach (var (i, v) in list)
        {
            _fixed[i] = v;
            _x[i] = v.ToDouble();
        }
        var outcome = _budget.Solve(_system, _x, FreeIndices(), _options.SolveIterations, _options.Tolerance,
            _options.AcceptResidual);
        if (outcome.MaxResidual <= _options.AcceptResidual) return true;
        Array.Copy(saved, _x, _x.Length);
        foreach (var (i, _) in list) _fixed[i] = null;
        return false;
    }
}
