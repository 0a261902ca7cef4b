using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C11: grokking: >= 100 epochs with train loss &lt; 1e-6 while test loss > 0.1, then an abrupt drop.</summary>
public sealed class ClaimC11Grokking : IClaim
{
    public const int MinimumRuns = 10;
    public const double MinimumShare = 0.1;

    public string Id => "C11";
    public string Title => "Grokking before crystallization";

    /// <summary>The `paper` protocol (a fixed training set of 1000 pairs, 1000 epochs), seeds 4001.., a curve point every epoch.</summary>
    public IEnumerable<RunConfig> Plan(StudyPreset preset) =>
        Enumerable.Range(4001, preset.GrokkingRuns).Select(seed =>
        {
            var c = preset.Shaped(TrainingProtocols.Paper(seed, 32));
            if (preset.Phase1Epochs is not null) c = c with { Data = "fixed:64" }; // smoke: a few hundred steps, not 200 passes over 1000 pairs
            return c.Validated() with { CurveInterval = c.StepsPerEpoch };
        });

    public ClaimResult Evaluate(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset));
        var detections = runs.Select(r => (Run: r, D: GrokkingDetector.Detect(r.Curves.Where(c => c.Phase == 1).ToList(), r.Config.StepsPerEpoch))).ToList();
        int fired = detections.Count(d => d.D.Fired);
        var ci = WilsonInterval.Of(fired, runs.Count);
        var verdict = runs.Count < MinimumRuns ? Verdict.Inconclusive
            : fired == 0 ? Verdict.NotReproduced
            : ci.Lower >= MinimumShare || fired / (double)runs.Count >= MinimumShare ? Verdict.Reproduced : Verdict.Inconclusive;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "grokking: >= 100 epochs with train loss < 1e-6 while test loss > 0.1, then an abrupt drop (needs a finite training set)",
            WeMeasured = runs.Count == 0 ? "no runs" : $"the detector fires in {ci}; longest plateau {detections.Max(d => d.D.PlateauEpochs):0.#} epochs",
            Verdict = verdict,
            RunsToDecide = verdict != Verdict.Inconclusive ? null
                : runs.Count < MinimumRuns ? RunsToDecide.AtLeast(runs.Count, MinimumRuns, "fixed-data runs")
                : new RunsToDecide(runs.Count, null, $"not a lack of runs: the detector fires in {fired} of {runs.Count}, below the {MinimumShare:P0} the rule asks, and more runs at that rate stay below it"),
            Rule = $"inconclusive with < {MinimumRuns} runs; not reproduced iff the detector fires in none; reproduced iff it fires in at least {MinimumShare:P0} of the runs; else inconclusive",
            RunHashes = runs.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("Detector per run (Phase 1)", ["seed", "data", "longest plateau (epochs)", "fired", "final train loss", "final test loss", "outcome"],
                    detections.Select(d => (IReadOnlyList<string>)
                    [
                        $"{d.Run.Config.Seed}", d.Run.Config.Data, $"{d.D.PlateauEpochs:0.#}", d.D.Fired ? $"yes (step {d.D.DropStep})" : "no",
                        d.Run.Curves.Count == 0 ? "-" : $"{d.Run.Curves[^1].TrainLoss:0.00e+00}", d.Run.Curves.Count == 0 ? "-" : $"{d.Run.Curves[^1].TestLoss:0.00e+00}",
                        d.Run.Verification.Outcome.ToWire(),
                    ]).ToList()),
            ],
            Figures =
            [
                new FigureSpec
                {
                    Id = "c11-train-test-curves",
                    Title = "Train and test loss with a fixed training set (first runs)",
                    XLabel = "epoch", YLabel = "MSE", Kind = FigureKind.Line, LogY = true,
                    Series = runs.Take(3).SelectMany(r => new[]
                    {
                        new FigureSeries($"seed {r.Config.Seed} train", r.Curves.Where(c => c.Phase == 1).Select(c => c.Step / (double)r.Config.StepsPerEpoch).ToArray(), r.Curves.Where(c => c.Phase == 1).Select(c => c.TrainLoss).ToArray()),
                        new FigureSeries($"seed {r.Config.Seed} test", r.Curves.Where(c => c.Phase == 1).Select(c => c.Step / (double)r.Config.StepsPerEpoch).ToArray(), r.Curves.Where(c => c.Phase == 1).Select(c => c.TestLoss).ToArray()),
                    }).ToList(),
                },
            ],
            Notes =
            [
                $"Runs: the `paper` protocol (a fixed set of {runs.FirstOrDefault()?.Config.Data ?? "fixed:1000"} training pairs, 1000 epochs of passes, batch 32), a curve point every epoch. The train loss is that step's batch loss (as the public code logs it); the test loss is on the run's fixed test set.",
                $"Detector: train loss < {GrokkingDetector.TrainLossBelow} and test loss > {GrokkingDetector.TestLossAbove} for >= {GrokkingDetector.MinPlateauEpochs} epochs, then, within {GrokkingDetector.DropWithinEpochs} epochs, test loss < {GrokkingDetector.TestLossAbove} and at most 1/{GrokkingDetector.DropFactor} of its value {GrokkingDetector.DropWithinEpochs} epochs before the plateau's end.",
            ],
        };
    }
}
