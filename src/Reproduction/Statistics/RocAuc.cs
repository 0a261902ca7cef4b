namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// Area under the ROC curve of a score that should be higher for positives: the Mann-Whitney
/// probability P(score_pos > score_neg) + 0.5 P(tie), with a percentile bootstrap interval.
/// </summary>
public static class RocAuc
{
    public readonly record struct Result(double Auc, double Lower, double Upper, int Positives, int Negatives, int Resamples);

    public static double Of(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        double wins = 0; // with an empty class the loop adds nothing and 0/0 = NaN: the AUC is undefined
        foreach (var p in positives)
            foreach (var q in negatives)
                wins += p > q ? 1 : p == q ? 0.5 : 0;
        return wins / (positives.Count * (double)negatives.Count);
    }

    /// <summary>Percentile bootstrap: resample each class with replacement, deterministic for a seed.</summary>
    public static Result WithBootstrap(IReadOnlyList<double> positives, IReadOnlyList<double> negatives,
        int resamples = 2000, double confidence = 0.95, int seed = 1)
    {
        double auc = Of(positives, negatives);
        if (double.IsNaN(auc)) return new Result(double.NaN, double.NaN, double.NaN, positives.Count, negatives.Count, 0);
        var rng = new Random(seed);
        var values = new double[resamples];
        var pos = new double[positives.Count];
        var neg = new double[negatives.Count];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < pos.Length; i++) pos[i] = positives[rng.Next(pos.Length)];
            for (int i = 0; i < neg.Length; i++) neg[i] = negatives[rng.Next(neg.Length)];
            values[b] = Of(pos, neg);
        }
        Array.Sort(values);
        double alpha = (1 - confidence) / 2;
        return new Result(auc, Quantile(values, alpha), Quantile(values, 1 - alpha), positives.Count, negatives.Count, resamples);
    }

    /// <summary>The ROC curve: (false positive rate, true positive rate) at every distinct threshold, from (0,0) to (1,1).</summary>
    public static (double[] Fpr, double[] Tpr) Curve(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var thresholds = positives.Concat(negatives).Distinct().OrderDescending().ToList();
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        foreach (var t in thresholds)
        {
            // An empty class gives 0/0 = NaN: its rate is undefined.
            fpr.Add(negatives.Count(x => x >= t) / (double)negatives.Count);
            tpr.Add(positives.Count(x => x >= t) / (double)positives.Count);
        }
        return (fpr.ToArray(), tpr.ToArray());
    }

    /// <summary>The q-quantile of sorted values, interpolated linearly between order statistics (R's type 7).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h), hi = (int)Math.Ceiling(h);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
