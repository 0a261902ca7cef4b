namespace StrassenRepro.Model;

/// <summary>
/// The same P runs (upstream preset, Phase 1 only, varied learning rates and weight decays) trained on two engines;
/// the largest coefficient difference, absolute and relative to the run's largest coefficient, and how many runs
/// came out bit for bit the same. Training is chaotic, so differences of float rounding grow with the steps.
/// </summary>
public static class EngineAgreement
{
    public static AgreementSample Trajectories(int runs, int batchSize, int steps, EngineChoice first, EngineChoice second, int threads = 0)
    {
        var configs = Enumerable.Range(1, runs).Select(seed => TrainingProtocols.Upstream(seed, batchSize) with
        {
            Phase1Epochs = steps,
            Prune = false,
            CurveInterval = 0,
            TestSamples = 1,
            Lr = 0.01 + 0.02 * (seed % 5) / 4,
            WeightDecay = seed % 2 == 0 ? 1e-4 : 1e-3,
        }).ToArray();
        var a = PopulationTrainer.Train(configs, threads, first);
        var b = PopulationTrainer.Train(configs, threads, second);
        double maxAbs = 0, maxRel = 0;
        int identical = 0;
        for (int i = 0; i < runs; i++)
        {
            var x = Coefficients(a[i].FinalWeights);
            var y = Coefficients(b[i].FinalWeights);
            double scale = x.Max(Math.Abs), worst = 0;
            for (int k = 0; k < x.Length; k++) worst = Math.Max(worst, Math.Abs(x[k] - y[k]));
            if (x.SequenceEqual(y)) identical++;
            maxAbs = Math.Max(maxAbs, worst);
            maxRel = Math.Max(maxRel, worst / scale);
        }
        return new AgreementSample(runs, batchSize, steps, maxAbs, maxRel, identical);
    }

    private static double[] Coefficients(Weights w) => [.. w.U, .. w.V, .. w.W];
}
