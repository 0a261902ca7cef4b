using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>
/// Trains seeds 1..N of the upstream protocol (the full two phases) on two engines and compares their outcome
/// distributions. Trajectories on different engines part ways after thousands of steps (float rounding in a chaotic
/// system), so runs are not compared one by one: an engine that trains correctly gives the same distribution.
/// </summary>
public static class EngineOutcomes
{
    public static EngineOutcomeComparison Compare(int runs, int batchSize, EngineChoice first, EngineChoice second,
        int threads = 0, int populationSize = 256)
    {
        var configs = Enumerable.Range(1, runs).Select(seed => TrainingProtocols.Upstream(seed, batchSize)).ToArray();
        var a = Count(configs, first, threads, populationSize);
        var b = Count(configs, second, threads, populationSize);
        return new EngineOutcomeComparison(runs, batchSize, a, b,
            ChiSquaredHomogeneity.Of(a.Plain, b.Plain), ChiSquaredHomogeneity.Of(a.AfterRecovery, b.AfterRecovery));
    }

    private static OutcomeCounts Count(RunConfig[] configs, EngineChoice engine, int threads, int populationSize)
    {
        var plain = new int[EngineOutcomeComparison.Categories.Count];
        var after = new int[plain.Length];
        foreach (var population in configs.Chunk(populationSize))
            foreach (var result in PopulationTrainer.Train(population, threads, engine))
            {
                var report = SweepRunner.Record(result).Verification;
                plain[Index(report.Outcome)]++;
                after[Index(report.OutcomeAfterRecovery ?? report.Outcome)]++;
            }
        return new OutcomeCounts(engine.Name, plain, after);
    }

    private static int Index(Outcome outcome) => OutcomeNames.All.ToList().IndexOf(outcome);
}
