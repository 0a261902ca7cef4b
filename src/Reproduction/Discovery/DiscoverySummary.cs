using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The table `discover` prints: runs, converged, exact after rounding, exact after crystallization (rounding, lattice
/// recovery or the crystallizer), distinct schemes, with the target's best known rank beside.
/// </summary>
public sealed record DiscoverySummary(DiscoveryTarget Target, IReadOnlyList<DiscoveredRun> Runs, IReadOnlyList<DistinctScheme> Distinct)
{
    public int Trained => Runs.Count;
    public int Diverged => Runs.Count(r => r.Outcome is null);
    public int Converged => Runs.Count(r => r.Converged);
    public int ExactAfterRounding => Runs.Count(r => r.ExactBy == ExactBy.Rounding);
    public int ExactAfterCrystallization => Runs.Count(r => r.ExactBy != ExactBy.Nothing);
    public int? BestKnownRank => BestKnownRanks.Of(Target.Shape);

    /// <summary>The smallest Brent residual any run's kept slots reached (the honest number when nothing is exact).</summary>
    public double BestResidual => Runs.Where(r => r.Outcome is not null).Select(r => r.BrentResidual).DefaultIfEmpty(double.NaN).Min();

    public static DiscoverySummary Of(DiscoveryTarget target, IReadOnlyList<DiscoveredRun> runs)
    {
        var distinct = runs.Where(r => r.Exact is not null)
            .GroupBy(r => CanonicalForm.Of(r.Exact!))
            .Select(g => new DistinctScheme(g.First().Exact!, g.Select(r => r.Seed).ToList(), g.First().ExactBy,
                SchemeCost.Additions(g.First().Exact!)))
            .OrderBy(d => d.Additions).ThenBy(d => d.Seeds[0])
            .ToList();
        return new DiscoverySummary(target, runs, distinct);
    }
}
