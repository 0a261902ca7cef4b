using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C12's pruning table (paper:699-710): validate2.py's iterative pruning (:437-757) of strassen_exact.pt, i.e. of
/// canonical Strassen, re-executed and compared with its log.
/// </summary>
public sealed class C12PruningOrigin : IOriginTrace
{
    public string ClaimId => "C12";

    public OriginEvidence Trace(ClaimContext context)
    {
        var run = IterativePruning.Run(KnownSchemes.Strassen(), new GaussianSource(0x624));
        var log = UpstreamPruningLog.Rows;
        bool agrees = run.Iterations.Count == log.Count
            && run.Iterations.Zip(log).All(x => x.First.Pruned == x.Second.Pruned
                && Math.Round(100 * x.First.Sparsity, 2) == x.Second.SparsityPercent
                    && x.First.Collapsed == x.Second.Delta > 0.1)
            && 100 * run.FinalSparsity == UpstreamPruningLog.FinalSparsityPercent;
        var intact = run.LastIntact;
        var collapse = run.Collapse;
        var number = new NumberTrace
        {
            Quantity = "sparsity the discrete basin survives",
            Paper = "intact up to ~55% (54.76%), collapse at ~60%",
            Sources = [UpstreamFiles.At(UpstreamFiles.Validate2, "437-757"),
                UpstreamFiles.At(UpstreamFiles.Validate2Log, "102-221")],
            Reexecution = "validate2.py's pruning of canonical Strassen: "
                + Invariant($"intact at {Show.Pct(intact?.Sparsity ?? double.NaN)}, ")
                + Invariant($"collapse at {Show.Pct(collapse?.Sparsity ?? double.NaN)} ")
                + Invariant($"(iteration {collapse?.Iteration}); ")
                + Invariant($"first row {Show.Pct(run.Iterations[0].Sparsity)}; ")
                + Invariant($"final sparsity {Show.Pct(run.FinalSparsity)}")
                + (agrees ? "; every row as in its log" : "; NOT every row as in its log"),
            Correct = "claim C12: magnitude pruning of the trained runs' un-rounded weights, then Q and the exact "
                + "Brent check",
            Explanation = "Strassen has 48 zeros of 84 (57.14%, the table's first row); fine-tuning regrows them, and "
                + "pruning 50 weights must remove 2 of the 36 non-zeros: the 'basin' boundary is Strassen's own zero "
                + "count.",
            Explained = ExplainedNames.Decide(hasScript: true, agrees),
            Rule = "traced iff the re-execution prunes the same number of weights, prints the same sparsity (2 "
                + "decimals) and collapses at the same iteration as the log, and ends at its final sparsity",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [new ReportTable("validate2.py's iterative pruning re-executed on canonical Strassen, beside its log",
                ["iteration", "percentile", "pruned", "sparsity", "accuracy", "'delta' (accuracy drop)", "log: pruned",
                    "log: sparsity", "log: accuracy"],
                run.Iterations.Select((i, k) => (IReadOnlyList<string>)
                [
                    Invariant($"{i.Iteration}"), Invariant($"{i.Percent}%"), Invariant($"{i.Pruned}"),
                        Show.Pct(i.Sparsity),
                    Invariant($"{i.AccuracyPercent:0.##}%"), Invariant($"{i.Delta:0.####}"),
                    k < log.Count ? Invariant($"{log[k].Pruned}") : "-", k < log.Count
                        ? Invariant($"{log[k].SparsityPercent:0.00}%") : "-",
                    k < log.Count ? Invariant($"{log[k].AccuracyPercent}%") : "-",
                ]).ToList())],
            ["'delta' in validate2.py and the paper's Table 6 is the drop in accuracy (percentage points, :684), not "
                + "the rounding margin."]);
    }
}
