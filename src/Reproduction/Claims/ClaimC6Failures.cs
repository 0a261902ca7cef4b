using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C6: the failures reach low 2x2 loss but cannot transfer ("generalizing local minima, not Strassen").</summary>
public sealed class ClaimC6Failures : IClaim
{
    public const int MinimumFailures = 5;

    /// <summary>"Low 2x2 test loss": the failures' median final test loss must be below this for the claim's premise.</summary>
    public const double LowTestLoss = 1e-3;

    public string Id => "C6";
    public string Title => "Failed runs are not Strassen";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => SuccessDesign.Runs(preset);

    /// <summary>Test loss against optimizer step for a few failed runs (the paper: they reach low 2x2 loss).</summary>
    private static FigureSpec CurvesFigure(IReadOnlyList<Sweep.RunRecord> runs) => new()
    {
        Id = "c6-failed-run-curves",
        Title = "Test loss of failed runs during training",
        XLabel = "optimizer step",
        YLabel = "test MSE",
        Kind = FigureKind.Line,
        LogY = true,
        Series = runs.Select(r => new FigureSeries($"B = {r.Config.BatchSize}, seed {r.Config.Seed} ({r.Verification.Outcome.ToWire()})",
            r.Curves.Select(c => (double)c.Step).ToArray(), r.Curves.Select(c => c.TestLoss).ToArray())).ToList(),
        Caption = "The first six failed runs of the design, in plan order.",
    };

    public ClaimResult Evaluate(ClaimContext context)
    {
        var design = context.Find(Plan(context.Preset));
        var failed = design.Where(r => !r.Success).ToList();
        // A failure "transfers" when its un-rounded kept coefficients compute the product at every size (float64 exact),
        // and "is Strassen" when lattice recovery turns it into an exact integer scheme.
        var transfers = failed.Where(r => r.Verification.TransferOf == "unrounded" && r.Verification.Transfer.Count > 0 && r.Verification.Transfer.All(t => t.Pass)).ToList();
        var recovered = failed.Where(r => r.Verification.Recovery?.Succeeded == true).ToList();
        var losses = failed.Where(r => r.Curves.Count > 0).Select(r => r.Curves[^1].TestLoss).Order().ToArray();
        double medianLoss = losses.Length == 0 ? double.NaN : losses[losses.Length / 2];
        var verdict = transfers.Count + recovered.Count > 0 ? Verdict.NotReproduced
            : failed.Count < MinimumFailures ? Verdict.Inconclusive
            : medianLoss < LowTestLoss ? Verdict.Reproduced : Verdict.NotReproduced;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "the 32% failures reach low 2x2 test loss but cannot transfer: generalizing local minima, not Strassen",
            WeMeasured = failed.Count == 0 ? "no failed runs" :
                $"{failed.Count} failed runs: {string.Join(", ", failed.GroupBy(r => r.Verification.Outcome.ToWire()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"))}; " +
                $"{transfers.Count} transfer exactly with their un-rounded coefficients; {recovered.Count} are Strassen in another basis (lattice recovery); median final test loss {medianLoss:0.00e+00}",
            Headline = failed.Count == 0 ? null
                : $"{recovered.Count} of {failed.Count} failed runs are Strassen in another basis; {transfers.Count} transfer unrounded",
            Verdict = verdict,
            RunsToDecide = verdict == Verdict.Inconclusive ? RunsToDecide.ForCount(design.Count, failed.Count, MinimumFailures, "failed runs") : null,
            Rule = $"inconclusive with < {MinimumFailures} failures; not reproduced iff some failed run transfers exactly (float64) with its un-rounded coefficients or is recovered as an exact scheme in another basis, or the failures' median final test loss is not below {LowTestLoss} (no low loss); else reproduced",
            RunHashes = failed.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("Failed runs", ["B", "seed", "outcome", "delta", "Brent residual (un-rounded)", "final test loss", "transfers at 64 (un-rounded)", "after recovery"],
                    failed.OrderBy(r => r.Config.BatchSize).ThenBy(r => r.Config.Seed).Select(r => (IReadOnlyList<string>)
                    [
                        $"{r.Config.BatchSize}", $"{r.Config.Seed}", r.Verification.Outcome.ToWire(), $"{r.Verification.Delta:0.####}",
                        $"{r.Verification.BrentMaxResidual:0.00e+00}", r.Curves.Count == 0 ? "-" : $"{r.Curves[^1].TestLoss:0.00e+00}",
                        r.Verification.Transfer.Count == 0 ? "-" : r.Verification.Transfer[^1].Pass ? "yes" : "no",
                        r.Verification.OutcomeAfterRecovery?.ToWire() ?? "-",
                    ]).ToList()),
            ],
            Figures = [CurvesFigure(failed.Take(6).ToList())],
            Notes =
            [
                "Outcome classes (claims.md): continuous = an exact algorithm off the integer lattice (Brent residual <= 1e-3 before rounding); unconverged = neither.",
                "Lattice recovery (de Groote 1978: every rank-7 scheme for 2x2 is Strassen up to a change of basis) looks for P, Q, R that make the run's scheme integral, and accepts only an exact Brent check.",
            ],
        };
    }
}
