using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The "balanced runs" of experiments/extended_experiments/validate2.py (BalancedRunsGenerator, :907-1129), the paper's
/// N = 20 and N = 60 AUC = 1.000: 11 hand-written configurations (:929-950; lr 0.02, wd 1e-4, batch 256 from
/// ExperimentConfig, :59-119), cycled with small lr and wd changes to N (:953-961); each run trains 3000 steps
/// (protocol validate2); its label is its final accuracy &gt;= 99.9% on 5000 fresh pairs, and the ROC score is that
/// accuracy (:1082-1085), so the AUC is 1 by construction whenever both labels occur.
/// </summary>
public static class BalancedRuns
{
    public const double BaseLr = 0.02, BaseWeightDecay = 1e-4;
    public const int BaseBatch = 256;
    public const double GrokkedFromPercent = 99.9;

    /// <summary>validate2.py:1074: the final evaluation's pairs.</summary>
    public const int FinalPairs = 5000;

    /// <summary>(lr factor, wd factor, batch size) of the 11 written configurations, validate2.py:931-949.</summary>
    private static readonly (double Lr, double Wd, int B)[] Written =
    [
        (1, 1, BaseBatch), (0.8, 0.8, BaseBatch), (1.2, 0.8, BaseBatch),
        (0.05, 1, BaseBatch), (0.1, 0.5, BaseBatch),
        (5, 2, BaseBatch), (10, 5, BaseBatch),
        (1, 10, BaseBatch), (1, 0.01, BaseBatch),
        (1, 1, 32), (1, 1, 1024),
    ];

    public static IReadOnlyList<BalancedRunConfig> Configurations(int n)
    {
        var list = Written.Select(w => (Lr: BaseLr * w.Lr, Wd: BaseWeightDecay * w.Wd, w.B)).ToList();
        while (list.Count < n)
        {
            // One pass over the list as it stood when the pass began (Python's range(len(...))), :954-961.
            int pass = list.Count;
            for (int i = 0; i < pass && list.Count < n; i++)
                list.Add((list[i].Lr * (0.9 + 0.2 * (i % 3)), list[i].Wd * (0.8 + 0.4 * (i % 2)), list[i].B));
        }
        return list.Take(n).Select((c, i) => new BalancedRunConfig(i, c.Lr, c.Wd, c.B)).ToList();
    }

    /// <summary>The final evaluation of a run's weights (every slot, un-rounded), :1072-1085.</summary>
    public static BalancedRunLabel Label(Scheme weights, GaussianSource rng) =>
        new(Validate2Accuracy.Percent(new Float32Scheme(weights), FinalPairs, rng));
}
