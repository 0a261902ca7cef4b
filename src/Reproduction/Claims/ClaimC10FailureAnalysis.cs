using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C10: failure analysis at B = 32, N = 50: 26 succeed (52%); mean kappa 6.65e9 vs 1.82e10; test accuracy 0.978 vs 0.891.</summary>
public sealed class ClaimC10FailureAnalysis : IClaim
{
    public const double PaperRate = 26.0 / 50.0;

    /// <summary>"Test accuracy" is not defined by the paper: here, the share of test pairs whose every entry of C is within this of the truth.</summary>
    public const double AccuracyTolerance = 0.01;
    public const int AccuracyPairs = 1000;

    public string Id => "C10";
    public string Title => "Failure analysis at B = 32";

    /// <summary>B = 32, seeds 3001.., kappa at the end of Phase 1.</summary>
    public IEnumerable<RunConfig> Plan(StudyPreset preset) =>
        Enumerable.Range(3001, preset.FailureAnalysisRuns).Select(seed => StudyPreset.WithKappa(preset.Run(seed, 32)));

    /// <summary>Share of random N(0,1) pairs on which the run's final kept weights are within the tolerance everywhere.</summary>
    public static double Accuracy(RunRecord r)
    {
        if (r.Weights is null) return 0;
        var kept = r.KeptScheme();
        var rng = new GaussianSource(1010);
        int ok = 0;
        for (int t = 0; t < AccuracyPairs; t++)
            if (NoiseProbe.MaxErrorOnRandomPairs(kept, 1, rng) <= AccuracyTolerance) ok++;
        return ok / (double)AccuracyPairs;
    }

    public ClaimResult Evaluate(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset));
        var ci = WilsonInterval.Of(runs.Count(r => r.Success), runs.Count);
        var verdict = ClaimC1SuccessRate.Decide(ci, PaperRate);
        string Mean(IEnumerable<double> xs) { var v = xs.Where(double.IsFinite).ToList(); return v.Count == 0 ? "-" : $"{v.Average():0.00e+00}"; }
        var ok = runs.Where(r => r.Success).ToList();
        var bad = runs.Where(r => !r.Success).ToList();
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "B = 32, N = 50: 26 succeed (52%); mean kappa 6.65e9 (success) vs 1.82e10 (failure); test accuracy 0.978 vs 0.891",
            WeMeasured = runs.Count == 0 ? "no runs" : $"{ci}; mean effective kappa {Mean(ok.Select(KappaScore.Effective))} vs {Mean(bad.Select(KappaScore.Effective))}; accuracy {Mean(ok.Select(Accuracy))} vs {Mean(bad.Select(Accuracy))}",
            Verdict = verdict,
            Rule = $"the success rate's rule: inconclusive if no runs or the Wilson 95% CI half-width > {ClaimC1SuccessRate.DecisiveHalfWidth}; else reproduced iff 0.52 lies in the CI (kappa and accuracy are reported, not judged: the paper does not define them)",
            RunHashes = runs.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("Success against failure at B = 32", ["group", "runs", "mean kappa (effective)", "mean test accuracy", "mean final test loss"],
                [
                    ["success", $"{ok.Count}", Mean(ok.Select(KappaScore.Effective)), Mean(ok.Select(Accuracy)), Mean(ok.Where(r => r.Curves.Count > 0).Select(r => r.Curves[^1].TestLoss))],
                    ["failure", $"{bad.Count}", Mean(bad.Select(KappaScore.Effective)), Mean(bad.Select(Accuracy)), Mean(bad.Where(r => r.Curves.Count > 0).Select(r => r.Curves[^1].TestLoss))],
                ]),
            ],
            Notes =
            [
                KappaScore.Definition,
                $"Test accuracy (our definition, the paper gives none): the share of {AccuracyPairs} random N(0,1) pairs on which the final kept, un-rounded weights get every entry of C within {AccuracyTolerance}.",
            ],
        };
    }
}
