using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The iterative pruning of experiments/extended_experiments/validate2.py (IterativePruningEngine.run_protocol,
/// :624-757, with prune_percent :437-455), the source of the paper's Table 6 and claim C12. From the given weights:
/// iteration i zeroes every weight whose magnitude is below the p-th percentile of all magnitudes (torch.quantile,
/// linear interpolation), p = 10, 15, 20, ...; records the share of exact zeros at that moment as the "sparsity";
/// fine-tunes without a mask (Float32FineTune, so the zeros grow back); measures the accuracy (percent of 10000 pairs
/// with every entry within 1e-3); "delta" is the baseline accuracy minus that accuracy, in percentage points (:684),
/// not the paper's rounding margin; when delta &gt; 0.1 it restores the weights from before this iteration and stops.
/// </summary>
public static class IterativePruning
{
    public const double FirstPercent = 10, StepPercent = 5, DeltaAbove = 0.1;
    public const int MaxIterations = 60;

    /// <summary>ExperimentConfig.test_samples (validate2.py:59-119).</summary>
    public const int AccuracyPairs = 10000;

    public static PruningRun Run(Scheme start, GaussianSource rng)
    {
        var model = new Float32Scheme(start);
        var w = model.Weights;
        double baseline = Validate2Accuracy.Percent(model, AccuracyPairs, rng);
        var iterations = new List<PruningIteration>();
        double percent = FirstPercent;
        for (int i = 1; i <= MaxIterations; i++)
        {
            var before = (float[])w.Clone();
            int pruned = Prune(w, percent);
            int zeros = w.Count(x => x == 0);
            Float32FineTune.Run(model, rng);
            double accuracy = Validate2Accuracy.Percent(model, AccuracyPairs, rng);
            var iteration = new PruningIteration(i, percent, pruned, zeros, w.Length, accuracy, baseline - accuracy);
            iterations.Add(iteration);
            if (iteration.Collapsed)
            {
                before.CopyTo(w, 0);
                break;
            }
            percent += StepPercent;
        }
        return new PruningRun(baseline, iterations, w.Count(x => x == 0) / (double)w.Length);
    }

    /// <summary>
    /// Zeroes the weights below the percent-th percentile of |w| (kept: |w| &gt;= it); returns how many.
    /// </summary>
    public static int Prune(float[] weights, double percent)
    {
        var magnitudes = weights.Select(x => (double)Math.Abs(x)).Order().ToArray();
        float threshold = (float)RocAuc.Quantile(magnitudes, percent / 100);
        int pruned = 0;
        for (int i = 0; i < weights.Length; i++)
            if (Math.Abs(weights[i]) < threshold)
            {
                weights[i] = 0;
                pruned++;
            }
        return pruned;
    }
}
