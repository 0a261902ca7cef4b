namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The table `discover` prints: runs, converged, exact after rounding, exact after crystallization (rounding, lattice
/// recovery, the crystallizer or the als protocol), distinct schemes, with the target's best known rank beside; the
/// time it took and whether a signal stopped it; the distinct schemes' orbit classes. New columns go here and in
/// DiscoveryReport.
/// </summary>
public sealed record DiscoverySummary(DiscoveryTarget Target, IReadOnlyList<DiscoveredRun> Runs, IReadOnlyList<DistinctScheme> Distinct)
{
    public string Protocol { get; init; } = "train";
    public bool Stopped { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>CPU time of the runs and their crystallization (not of the orbit classification: Orbits.Elapsed).</summary>
    public TimeSpan CpuTime { get; init; }
    public DiscoveryOrbits Orbits { get; init; } = DiscoveryOrbits.None;
    /// <summary>How the scheme files were written (`--format`).</summary>
    public SchemeFileFormat Format { get; init; }

    public int Trained => Runs.Count;
    public int Diverged => Runs.Count(r => r.Outcome is null);
    public int Converged => Runs.Count(r => r.Converged);
    public int ExactAfterRounding => Runs.Count(r => r.ExactBy == ExactBy.Rounding);
    public int ExactAfterCrystallization => Runs.Count(r => r.ExactBy != ExactBy.Nothing);
    public int? BestKnownRank => BestKnownRanks.Of(Target.Shape);

    /// <summary>Exact runs per minute of the process's CPU time (user + system), NaN before any was used.</summary>
    public double ExactPerCpuMinute => CpuTime > TimeSpan.Zero ? ExactAfterCrystallization / CpuTime.TotalMinutes : double.NaN;

    /// <summary>The smallest Brent residual any run's kept slots reached (the honest number when nothing is exact).</summary>
    public double BestResidual => Runs.Where(r => r.Outcome is not null).Select(r => r.BrentResidual).DefaultIfEmpty(double.NaN).Min();
}
