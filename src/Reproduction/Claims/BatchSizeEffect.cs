using StrassenRepro.Reproduction.Statistics;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// C2's test on the runs of the success design: success inside B in [24,128] against outside (Fisher's exact,
/// two-sided) and the one-way ANOVA of delta over the batch sizes; the claim and the findings box both read it.
/// </summary>
public sealed record BatchSizeEffect(int RunsInside, int SuccessesInside, int RunsOutside, int SuccessesOutside,
    double FisherP, OneWayAnova.Result Anova)
{
    public double RateInside => RunsInside == 0 ? double.NaN : SuccessesInside / (double)RunsInside;
    public double RateOutside => RunsOutside == 0 ? double.NaN : SuccessesOutside / (double)RunsOutside;

    /// <summary>C2's rule on these numbers.</summary>
    public Verdict Verdict => ClaimC2BatchSize.Decide(RunsInside, RunsOutside, RateInside, RateOutside, FisherP);

    public static BatchSizeEffect Of(IReadOnlyList<RunRecord> runs)
    {
        var inside = runs.Where(r => ClaimC1SuccessRate.InPaperRange(r.Config.BatchSize)).ToList();
        var outside = runs.Where(r => !ClaimC1SuccessRate.InPaperRange(r.Config.BatchSize)).ToList();
        int si = inside.Count(r => r.Success), so = outside.Count(r => r.Success);
        var fisher = FisherExactTest.Of(si, inside.Count - si, so, outside.Count - so);
        // Diverged runs have no delta (infinite): the ANOVA uses the runs with a finite one.
        var anova = OneWayAnova.Of(runs.GroupBy(r => r.Config.BatchSize).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<double>)g.Select(r => r.Verification.Delta).Where(double.IsFinite).ToList()).ToList());
        return new BatchSizeEffect(inside.Count, si, outside.Count, so, fisher.TwoSided, anova);
    }
}
