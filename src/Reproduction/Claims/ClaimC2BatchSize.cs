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
        var inside = runs.Where(r => ClaimC1SuccessRate.InPaperRange(r.Config.BatchSize)).ToList();
        var outside = runs.Where(r => !ClaimC1SuccessRate.InPaperRange(r.Config.BatchSize)).ToList();
        int si = inside.Count(r => r.Success), so = outside.Count(r => r.Success);
        var fisher = FisherExactTest.Of(si, inside.Count - si, so, outside.Count - so);
        var byBatch = runs.GroupBy(r => r.Config.BatchSize).OrderBy(g => g.Key).ToList();
        // Diverged runs have no delta (infinite): the ANOVA uses the runs with a finite one.
        var anova = OneWayAnova.Of(byBatch.Select(g => (IReadOnlyList<double>)g.Select(r => r.Verification.Delta).Where(double.IsFinite).ToList()).ToList());
        double rateIn = inside.Count == 0 ? double.NaN : si / (double)inside.Count;
        double rateOut = outside.Count == 0 ? double.NaN : so / (double)outside.Count;
        var verdict = Decide(inside.Count, outside.Count, rateIn, rateOut, fisher.TwoSided);

        var phis = byBatch.Select(g => (B: g.Key, Ci: WilsonInterval.Of(g.Count(r => r.Success), g.Count()))).ToList();
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "B in [24,128] succeed, others largely fail; ANOVA of delta over B: F = 15.34, p < 1e-4, eta^2 = 0.244 (N = 195); no significant difference among B in {24, 32, 64}",
            WeMeasured = $"success {Show.Pct(rateIn)} inside [24,128] (n = {inside.Count}) vs {Show.Pct(rateOut)} outside (n = {outside.Count}), Fisher {Show.PIs(fisher.TwoSided)}; " +
                         $"ANOVA of delta: F = {anova.F:0.##}, {Show.PIs(anova.P)}, eta^2 = {anova.EtaSquared:0.###} (N = {anova.N})",
            Verdict = verdict,
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
