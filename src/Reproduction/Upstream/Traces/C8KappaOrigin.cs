using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;
using StrassenRepro.Reproduction.Sweep;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C8's numbers. AUC = 1.000: validate2.py's balanced runs (:907-1129), whose ROC score is the accuracy that defines
/// the label. kappa = 1.00 / 1,000,000: run_all_experiments.py's recipe (:135-192) on the checkpoints (the paper's H.1
/// table). 999999 and the boundary near B = 160 come from no script.
/// </summary>
public sealed class C8KappaOrigin : IOriginTrace
{
    private const ulong Salt = 0xC8;
    public const int KappaDraws = 50;

    /// <summary>The recipe at B = 8: the most gradients (8) its n_samples = 64 allows.</summary>
    public const int RecipeBatch = 8;

    public static readonly IReadOnlyList<int> PaperBatchSizes = [8, 16, 24, 32];

    public string ClaimId => "C8";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) =>
        BalancedRuns.Configurations(preset.BalancedRuns).Select(c => StudyPreset.WithKappa(preset.Shaped(c.Run())));

    public OriginEvidence Trace(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset)).Where(r => r.Weights is not null).ToList();
        var judged = runs.Select(r =>
            (Run: r, Label: BalancedRuns.Label(r.Scheme(), RunStreams.For(r.ConfigHash, Salt)),
            Recipe: RecipeKappa.Measure(r.Scheme(), RecipeBatch, RunStreams.For(r.ConfigHash, Salt)))).ToList();
        var grokked = judged.Where(j => j.Label.Grokked).ToList();
        var not = judged.Where(j => !j.Label.Grokked).ToList();
        double auc = RocAuc.Of(grokked.Select(j => j.Label.Score).ToList(), not.Select(j => j.Label.Score).ToList());
        double kappaAuc = RocAuc.Of(not.Select(j => KappaScore.Effective(j.Run)).Where(double.IsFinite).ToList(),
            grokked.Select(j => KappaScore.Effective(j.Run)).Where(double.IsFinite).ToList());
        double recipeAuc = RocAuc.Of(not.Select(j => j.Recipe.Kappa).ToList(), grokked.Select(j => j.Recipe.Kappa)
            .ToList());
        var aucNumber = new NumberTrace
        {
            Quantity = "AUC of kappa, grokked vs not",
            Paper = "AUC = 1.000, CI [1.000, 1.000] (N = 20: 8 / 12; N = 60: 20 / 40)",
            Sources = [UpstreamFiles.At(UpstreamFiles.Validate2, "1072-1085"),
                UpstreamFiles.At(UpstreamFiles.Validate2, "994-999"),
                UpstreamFiles.At(UpstreamFiles.Validate2Log, "621-629")],
            Reexecution = Invariant($"validate2.py's balanced runs ({judged.Count}, protocol validate2): ")
                + Invariant($"{grokked.Count} grokked, ")
                + Invariant($"{not.Count} not; AUC of its score = {Auc(auc)}"),
            Correct = Invariant($"AUC of kappa itself on the same runs: effective kappa {Auc(kappaAuc)}, ")
                + Invariant($"the recipe's kappa {Auc(recipeAuc)}"),
            Explanation = "The ROC score is the final accuracy and the label is that accuracy >= 99.9%: the AUC is 1 "
                + "whenever both labels occur, and kappa is computed nowhere in validate2.py (the recipe's kappa, "
                + "about 1 + 1e6 lambda_max, is itself a function of the loss).",
            Explained = ExplainedNames.Decide(hasScript: true, grokked.Count > 0 && not.Count > 0 && auc == 1),
            Rule = "traced iff both labels occur and the re-executed AUC of the script's score is exactly 1",
        };
        var (kappaNumber, kappaTable) = CheckpointKappa(context);
        return new OriginEvidence(new ClaimOrigin(ClaimId,
            [
                aucNumber, kappaNumber,
                NumberTrace.WithoutScript("kappa of the N = 60 sweep's runs",
                    "kappa = 1.000 for every grokked run, 999999 for every failed one",
                    "none computes it: validate2.py, the only 60-run experiment, computes no kappa (its only 'kappa' "
                    + "is Cohen's, :1236-1258). The recipe applied to its re-executed runs: "
                    + Invariant($"{grokked.Count(j => j.Recipe.PrintsAsOne)} of {grokked.Count} grokked runs print ")
                    + Invariant($"1.000; {not.Count(j => j.Recipe.Case == RecipeKappaCase.Capped)} of {not.Count} ")
                    + "failures reach the cap, printed 1000000.0 (run_all_experiments.py:192), never 999999",
                    "claim C8: effective kappa of per-sample gradients (n = 256 > d = 96), reported as measured",
                    "999999 appears in no upstream script or result file (docs/upstream-map.md, C8), only in the "
                        + "paper.",
                    "no upstream script computes kappa for these runs, or outputs 999999"),
                NumberTrace.WithoutScript("batch-size boundary of grokking",
                    "B in [8, 160] groks, [164, 256] fails (Table 5)",
                    "none: validate2.py's runs use B in {32, 256, 1024} only (:929-961); its log has every B = 32 run "
                        + "failing and 3 of 5 B = 1024 runs grokking",
                    "claim C8's sweep over B 8..256 with kappa measured",
                    "Table 5's rows (B = 168, 224, 248) appear in no script or log.",
                    "no upstream script runs B between 164 and 256"),
            ]),
            [RunsTable(judged), kappaTable],
            [
                "Recipe: " + "n = 64 // B minibatch gradients of the summed squared error, Sigma = Gc^T Gc / (n - 1 + "
                    + "1e-6) + 1e-6 I, eigenvalues above 1e-6, kappa = min(lambda_max / lambda_min, 1e6), float32. "
                    + "With n <= 8 gradients of 84 or 96 weights lambda_min is always the ridge, so kappa is about 1 "
                    + "+ 1e6 lambda_max(Gc^T Gc / (n - 1)): 1.000 means the gradients are below the ridge (float32 "
                    + "rounding of a zero-loss model), 1000000 means lambda_max >= 1, and B = 64 (one gradient) gives "
                    + "inf.",
            ]);
    }

    private static string Auc(double auc) => double.IsNaN(auc) ? "undefined (one class)" : Invariant($"{auc:0.000}");

    /// <summary>The paper's H.1 table re-executed: the recipe on the checkpoints it lists (files when given).</summary>
    private static (NumberTrace, ReportTable) CheckpointKappa(ClaimContext context)
    {
        var names = UpstreamKappaTable.Rows.Select(r => r.Checkpoint).Distinct().ToList();
        var targets = new List<(string Name, Scheme Scheme, bool File)>();
        foreach (var name in names)
        {
            string? file = context.Checkpoints.Named(name);
            if (file is not null && CheckpointInputs.TryRead(file) is { } s) targets.Add((name, s, true));
        }
        if (targets.Count == 0)
            targets.AddRange(names.Where(n =>
                n is "strassen_exact.pt" or "strassen_discrete_final.pt" or "strassen_grokked_weights.pt")
                .Select(n => (n, KnownSchemes.Strassen(), false)));
        var rows = new List<IReadOnlyList<string>>();
        bool agrees = true;
        foreach (var (name, scheme, isFile) in targets)
            foreach (int b in PaperBatchSizes)
            {
                var rng = new GaussianSource(0x135UL + (ulong)b);
                var draws = Enumerable.Range(0, KappaDraws).Select(_ => RecipeKappa.Measure(scheme, b, rng)).ToList();
                var range = DrawRange.Of(draws.Select(d => d.Kappa));
                double upstream = UpstreamKappaTable.Rows.Single(r => r.Checkpoint == name && r.BatchSize == b).Kappa;
                agrees &= range.Contains(upstream);
                rows.Add([name, isFile ? "the file" : "canonical Strassen", Invariant($"{b}"),
                    Invariant($"{upstream:0.####}"),
                    Invariant($"[{range.Lower:0.####}, {range.Upper:0.####}]"),
                    Invariant($"{draws.Count(d => d.Case == RecipeKappaCase.Capped)}/{draws.Count}")]);
            }
        var number = new NumberTrace
        {
            Quantity = "kappa of the checkpoints (H.1)",
            Paper = "kappa = 1.00 for the discretized checkpoints, 2,240 to 1,000,000 for the others",
            Sources = [UpstreamFiles.At(UpstreamFiles.RunAll, "135-202"),
                UpstreamFiles.At(UpstreamFiles.RunAll, "253-269"),
                UpstreamFiles.At(UpstreamFiles.AllExperimentsResults, "")],
            Reexecution = Invariant($"run_all_experiments.py's recipe, {KappaDraws} draws per batch size, on ")
                + (targets.All(t => t.File) ? Invariant($"{targets.Count} checkpoint files")
                    : "canonical Strassen (the three discretized checkpoints' coefficients; files not given)")
                + (agrees ? ": the result file's kappa lies in the central 95% at every row"
                    : ": some result-file kappa lies outside the central 95%"),
            Correct = "claim C8: the covariance of per-sample gradients, whose plain kappa is infinite for this model "
                + "(a rank deficit of 16)",
            Explanation = "kappa = 1.00 is the 1e-6 ridge over itself when the loss is zero; it says nothing about "
                + "discreteness (strassen_result.pt, never discretized, gets 1.08-2.20; the continuous "
                + "strassen_grokkit.pt 1.00-1.01).",
            Explained = ExplainedNames.Decide(hasScript: true, agrees && rows.Count > 0),
            Rule = "traced iff the result file's kappa (all_experiments_results.json, the paper's H.1) lies in the "
                + "central 95% of the re-executed recipe at every batch size 8..32 of every checkpoint compared",
        };
        return (number, new ReportTable("run_all_experiments.py's kappa recipe re-executed (the paper's H.1 table)",
            ["checkpoint", "judged", "B", "result file's kappa", "re-executed, central 95%", "capped at 1e6"], rows));
    }

    private static ReportTable RunsTable(IReadOnlyList<(RunRecord Run, BalancedRunLabel Label,
        RecipeKappaResult Recipe)> judged) => new(
        "validate2.py's balanced runs re-executed",
        ["run", "B", "lr", "wd", "accuracy (5000 pairs)", "grokked (>= 99.9%)", "ROC score", "effective kappa (ours)",
            "recipe kappa (B = 8)"],
        judged.Select(j => (IReadOnlyList<string>)
        [
            Invariant($"{j.Run.Config.Seed - 42 + 1}"), Invariant($"{j.Run.Config.BatchSize}"),
                Invariant($"{j.Run.Config.Lr:0.#####}"),
            Invariant($"{j.Run.Config.WeightDecay:0.0e+00}"), Invariant($"{j.Label.Accuracy:0.##}%"), j.Label.Grokked
                ? "yes" : "no",
            Invariant($"{j.Label.Score:0.####}"), KappaScore.Show(KappaScore.Effective(j.Run)),
            double.IsPositiveInfinity(j.Recipe.Kappa) ? "inf" : Invariant($"{j.Recipe.Kappa:0.###}"),
        ]).ToList());
}
