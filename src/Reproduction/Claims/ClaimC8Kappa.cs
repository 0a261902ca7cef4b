using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C8: kappa of the gradient covariance separates success from failure, AUC = 1.000.</summary>
public sealed class ClaimC8Kappa : IClaim
{
    public const int MinimumPerClass = 3;
    public const double NearPerfect = 0.9;

    public string Id => "C8";
    public string Title => "kappa separates success from failure";

    /// <summary>The sweep: B in 8..256, wd log-spaced in 1e-5..1e-2, lr in 0.0009..0.002, 3000 epochs, kappa at the end of Phase 1.</summary>
    public IEnumerable<RunConfig> Plan(StudyPreset preset)
    {
        int[] batches = [8, 16, 32, 64, 96, 128, 160, 192, 224, 256];
        int runs = preset.KappaSweepRuns;
        for (int i = 0; i < runs; i++)
        {
            int b = batches[i % batches.Length];
            double t = (i / batches.Length) / Math.Max(1.0, (runs - 1) / batches.Length);
            double wd = Math.Pow(10, -5 + 3 * t);
            double lr = 0.0009 + 0.0011 * ((i * 7) % 11) / 10.0;
            var c = TrainingProtocols.ByName(preset.Protocol, 2001 + i, b) with { Phase1Epochs = 3000, ScheduleT0 = 1000, Lr = lr, WeightDecay = wd };
            yield return StudyPreset.WithKappa(preset.Shaped(c));
        }
    }

    public static FigureSpec RocFigure(IReadOnlyList<double> failures, IReadOnlyList<double> successes, double auc)
    {
        var chance = new FigureSeries("chance", [0, 1], [0, 1]);
        var spec = new FigureSpec
        {
            Id = "c8-kappa-roc",
            Title = $"ROC of effective kappa as a failure detector (AUC {auc:0.###})",
            XLabel = "false positive rate (successes flagged)",
            YLabel = "true positive rate (failures flagged)",
            Kind = FigureKind.Line,
            Series = [chance],
        };
        // With an empty class every rate is 0/0: no curve, so no legend entry for one either.
        string? missing = successes.Count == 0 ? "successes" : failures.Count == 0 ? "failures" : null;
        if (missing is not null)
            return spec with
            {
                Title = "ROC of effective kappa as a failure detector (no AUC)",
                Annotation = $"no {missing}: no ROC",
                Caption = $"No curve: the sweep has no {missing}, so no rate of flagged {missing} is defined.",
            };
        var (fpr, tpr) = RocAuc.Curve(failures, successes);
        return spec with { Series = [new FigureSeries("kappa", fpr, tpr), chance] };
    }

    public ClaimResult Evaluate(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset)).Where(r => r.Kappas.Count > 0).ToList();
        // The paper: failures have the large kappa (999999), successes 1.000; the score is kappa, positives = failures.
        var failures = runs.Where(r => !r.Success).Select(KappaScore.Effective).Where(double.IsFinite).ToList();
        var successes = runs.Where(r => r.Success).Select(KappaScore.Effective).Where(double.IsFinite).ToList();
        var auc = RocAuc.WithBootstrap(failures, successes, resamples: 2000, seed: 8);
        var plainAuc = RocAuc.Of(runs.Where(r => !r.Success).Select(KappaScore.Plain).ToList(), runs.Where(r => r.Success).Select(KappaScore.Plain).ToList());
        var verdict = failures.Count < MinimumPerClass || successes.Count < MinimumPerClass ? Verdict.Inconclusive
            : auc.Lower >= NearPerfect ? Verdict.Reproduced
            : auc.Upper < NearPerfect ? Verdict.NotReproduced : Verdict.Inconclusive;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "kappa separates success from failure with AUC = 1.000 (N = 60 sweep over B 8..256, wd 1e-5..1e-2, lr 0.0009..0.002, 3000 epochs; successes kappa = 1.000, failures 999999; boundary near B = 160)",
            WeMeasured = $"{runs.Count} runs, {successes.Count} successes: AUC of effective kappa {auc.Auc:0.###} [{auc.Lower:0.###}, {auc.Upper:0.###}] (bootstrap 95%); " +
                         $"plain kappa infinite in {runs.Count(r => double.IsPositiveInfinity(KappaScore.Plain(r)))} of {runs.Count} runs (AUC {plainAuc:0.###})",
            Verdict = verdict,
            RunsToDecide = verdict != Verdict.Inconclusive ? null
                : successes.Count < MinimumPerClass ? RunsToDecide.ForCount(runs.Count, successes.Count, MinimumPerClass, "successes")
                : failures.Count < MinimumPerClass ? RunsToDecide.ForCount(runs.Count, failures.Count, MinimumPerClass, "failures")
                : new RunsToDecide(runs.Count, null, $"the AUC's bootstrap interval [{auc.Lower:0.###}, {auc.Upper:0.###}] straddles {NearPerfect}; its width is not sized from a rate here"),
            Rule = $"inconclusive with < {MinimumPerClass} runs in either class; reproduced iff the bootstrap 95% CI of the AUC (effective kappa, failures as positives) lies above {NearPerfect}; not reproduced iff it lies below; else inconclusive",
            RunHashes = runs.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("kappa by outcome", ["B", "wd", "lr", "success", "kappa plain", "kappa effective", "effective rank"],
                    runs.OrderBy(r => r.Config.BatchSize).Select(r => (IReadOnlyList<string>)
                    [
                        $"{r.Config.BatchSize}", $"{r.Config.WeightDecay:0.0e+00}", $"{r.Config.Lr:0.#####}", r.Success ? "yes" : "no",
                        KappaScore.Show(KappaScore.Plain(r)), KappaScore.Show(KappaScore.Effective(r)), $"{r.Kappas[^1].EffectiveRank}",
                    ]).ToList()),
            ],
            Figures =
            [
                new FigureSpec
                {
                    Id = "c8-kappa-by-batch",
                    Title = "Effective kappa at the end of Phase 1, by outcome",
                    XLabel = "batch size B", YLabel = "effective kappa", Kind = FigureKind.Scatter, LogX = true, LogY = true,
                    Series =
                    [
                        new FigureSeries("success", runs.Where(r => r.Success).Select(r => (double)r.Config.BatchSize).ToArray(), runs.Where(r => r.Success).Select(KappaScore.Effective).ToArray()),
                        new FigureSeries("failure", runs.Where(r => !r.Success).Select(r => (double)r.Config.BatchSize).ToArray(), runs.Where(r => !r.Success).Select(KappaScore.Effective).ToArray()),
                    ],
                },
                RocFigure(failures, successes, auc.Auc),
                .. SweepHeatmap.Of(context.Find(Plan(context.Preset))),
            ],
            Notes =
            [
                KappaScore.Definition,
                "The paper's values (1.000 for every success, 999999 for every failure) look like a sentinel for a singular matrix, not a measured condition number; our plain kappa is reported as infinite instead, never as a number.",
                "Design: B cycles through 8, 16, 32, 64, 96, 128, 160, 192, 224, 256; wd log-spaced from 1e-5 to 1e-2 across the sweep; lr from 0.0009 to 0.002; 3000 Phase-1 steps (fresh data), then the standard Phase 2.",
            ],
        };
    }
}
