using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C2: batch size controls success; [24,128] succeed, others largely fail; ANOVA of delta over B.</summary>
public sealed class ClaimC2BatchSize : IClaim
{
    public const int MinimumPerGroup = 5;
    public const int DecisiveGroupSize = 30;

    public string Id => "C2";
    public string Title => "Batch size controls success";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => SuccessDesign.Runs(preset);

    public ClaimResult Evaluate(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset));
        var effect = BatchSizeEffect.Of(runs);
        var anova = effect.Anova;
        var byBatch = runs.GroupBy(r => r.Config.BatchSize).OrderBy(g => g.Key).ToList();
        var verdict = effect.Verdict;

        var phis = byBatch.Select(g => (B: g.Key, Ci: WilsonInterval.Of(g.Count(r => r.Success), g.Count()))).ToList();
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "B in [24,128] succeed, others largely fail; ANOVA of delta over B: F = 15.34, p < 1e-4, eta^2 = 0.244 (N = 195); no significant difference among B in {24, 32, 64}",
            WeMeasured = $"success {Show.Pct(effect.RateInside)} inside [24,128] (n = {effect.RunsInside}) vs {Show.Pct(effect.RateOutside)} outside (n = {effect.RunsOutside}), Fisher {Show.PIs(effect.FisherP)}; " +
                         $"ANOVA of delta: F = {anova.F:0.##}, {Show.PIs(anova.P)}, eta^2 = {anova.EtaSquared:0.###} (N = {anova.N})",
            Headline = $"{Show.Pct(effect.RateInside)} in [24,128] vs {Show.Pct(effect.RateOutside)} outside, Fisher {Show.PIs(effect.FisherP)}, eta^2 {anova.EtaSquared:0.###}",
            Verdict = verdict,
            RunsToDecide = verdict == Verdict.Inconclusive
                ? new RunsToDecide(runs.Count, Math.Max(effect.RunsInside, DecisiveGroupSize) + Math.Max(effect.RunsOutside, DecisiveGroupSize),
                    $"the rule decides with >= {DecisiveGroupSize} runs inside and outside [24,128] (now {effect.RunsInside} and {effect.RunsOutside}), or sooner once Fisher's p < 0.05")
                : null,
            Rule = $"inconclusive if either group has < {MinimumPerGroup} runs; reproduced iff the rate inside [24,128] exceeds the rate outside with Fisher's exact two-sided p < 0.05; " +
                   $"not reproduced iff the rate outside is at least the rate inside, or p >= 0.05 with >= {DecisiveGroupSize} runs in each group; else inconclusive",
            RunHashes = runs.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("Phi(B) = P[S = 1 and transfer | B]", ["B", "runs", "successes", "Phi(B)", "Wilson 95% CI", "mean delta"],
                    byBatch.Zip(phis).Select(x => (IReadOnlyList<string>)
                    [
                        $"{x.First.Key}", $"{x.Second.Ci.Trials}", $"{x.Second.Ci.Successes}", Show.Pct(x.Second.Ci.Estimate),
                        $"[{Show.Pct(x.Second.Ci.Lower)}, {Show.Pct(x.Second.Ci.Upper)}]",
                        $"{x.First.Select(r => r.Verification.Delta).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average():0.####}",
                    ]).ToList()),
                new ReportTable("Among B in {24, 32, 64} (paper: no significant difference)", ["pair", "Fisher exact p (two-sided)"],
                    PairsAmong(runs, [24, 32, 64])),
                ClaimC1SuccessRate.OutcomeTable(runs),
            ],
            Figures =
            [
                new FigureSpec
                {
                    Id = "c2-success-by-batch",
                    Title = "Success rate by batch size (Wilson 95% CI)",
                    XLabel = "batch size B", YLabel = "P[success]", Kind = FigureKind.Scatter, LogX = true,
                    Series = [new FigureSeries("ours", phis.Select(x => (double)x.B).ToArray(), phis.Select(x => x.Ci.Estimate).ToArray(),
                        phis.Select(x => x.Ci.Lower).ToArray(), phis.Select(x => x.Ci.Upper).ToArray())],
                },
                new FigureSpec
                {
                    Id = "c2-delta-by-batch",
                    Title = "delta (distance to the lattice after pruning) by batch size",
                    XLabel = "batch size B", YLabel = "delta", Kind = FigureKind.Scatter, LogX = true,
                    Series = [new FigureSeries("runs", runs.Select(r => (double)r.Config.BatchSize).ToArray(), runs.Select(r => r.Verification.Delta).ToArray())],
                    Caption = "Diverged runs (infinite delta) are not drawn.",
                },
            ],
            Notes = [$"Missing runs (planned, not stored): {context.Missing(Plan(context.Preset))}."],
        };
    }

    public static Verdict Decide(int nIn, int nOut, double rateIn, double rateOut, double p)
    {
        if (nIn < MinimumPerGroup || nOut < MinimumPerGroup) return Verdict.Inconclusive;
        if (rateIn > rateOut && p < 0.05) return Verdict.Reproduced;
        if (rateOut >= rateIn || (nIn >= DecisiveGroupSize && nOut >= DecisiveGroupSize)) return Verdict.NotReproduced;
        return Verdict.Inconclusive;
    }

    private static IReadOnlyList<IReadOnlyList<string>> PairsAmong(IReadOnlyList<RunRecord> runs, int[] batches)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < batches.Length; i++)
            for (int j = i + 1; j < batches.Length; j++)
            {
                var a = runs.Where(r => r.Config.BatchSize == batches[i]).ToList();
                var b = runs.Where(r => r.Config.BatchSize == batches[j]).ToList();
                if (a.Count == 0 || b.Count == 0) continue;
                int sa = a.Count(r => r.Success), sb = b.Count(r => r.Success);
                rows.Add([$"B = {batches[i]} ({sa}/{a.Count}) vs B = {batches[j]} ({sb}/{b.Count})", Show.P(FisherExactTest.Of(sa, a.Count - sa, sb, b.Count - sb).TwoSided)]);
            }
        return rows;
    }
}
