namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// One run of runs.csv: the claims whose plans hold it (an id, or id-upstream for a re-execution of the upstream
/// script behind the claim), its protocol and hyperparameters, its outcomes, and the train arguments that re-train it
/// alone.
/// </summary>
public sealed record RunsTableRow
{
    public required string Claims { get; init; }
    public required string Protocol { get; init; }
    public required long Seed { get; init; }
    public required int BatchSize { get; init; }
    public required double Lr { get; init; }
    public required double Wd { get; init; }
    public required string Outcome { get; init; }
    /// <summary>Empty when the run was stored without lattice recovery.</summary>
    public required string OutcomeAfterRecovery { get; init; }
    /// <summary>Distance of the kept slots to the integer lattice; Infinity for a diverged run.</summary>
    public required double Delta { get; init; }
    /// <summary>S(theta): 1 when the rounded scheme is exact.</summary>
    public required int S { get; init; }
    /// <summary>Optimizer steps the configuration plans (Phase 1 and, unless it is skipped at run time, Phase 2).</summary>
    public required long PlannedSteps { get; init; }
    public required string ConfigHash { get; init; }
    /// <summary>`strassen-repro train ...`: the command that re-trains this run alone, bit for bit.</summary>
    public required string Train { get; init; }
}
