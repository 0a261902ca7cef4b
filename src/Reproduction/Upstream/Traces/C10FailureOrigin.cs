using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C10's failure analysis: all_test_extended.py's experiment_failure_analysis (:1026-1086) on modular multiplication (a
/// b mod 67), not 2x2 matrices. Its per-run output survives in its log, so its summary step is re-executed on the
/// logged accuracies; the 14,000-second training itself is not re-run (it does not test Strassen).
/// </summary>
public sealed class C10FailureOrigin : IOriginTrace
{
    public const int PaperSuccesses = 26, PaperRuns = 50;
    public const double PaperSuccessAccuracy = 0.978, PaperFailureAccuracy = 0.891;

    public string ClaimId => "C10";

    public OriginEvidence Trace(ClaimContext context)
    {
        var acc = UpstreamFailureLog.BestAccuracy;
        var success = acc.Where(a => a > UpstreamFailureLog.SuccessAbove).ToList();
        var failure = acc.Where(a => a <= UpstreamFailureLog.SuccessAbove).ToList();
        var sources = new[]
        {
            UpstreamFiles.At(UpstreamFiles.AllTestExtended, "1026-1086"),
                UpstreamFiles.At(UpstreamFiles.AllTestExtendedLog, "807-1452"),
        };
        const string task = "modular multiplication a b mod 67, one-hot inputs, cross-entropy, 'test' accuracy on the "
            + "training set";
        var count = new NumberTrace
        {
            Quantity = "successes at B = 32",
            Paper = "26 of 50 (52%)",
            Sources = sources,
            Reexecution = "the script's success rule (best accuracy > 0.95, :1049) on its 50 logged accuracies: "
                + Invariant($"{success.Count} of {acc.Count}; its log prints mean kappa ")
                + Invariant($"{UpstreamFailureLog.LoggedSuccessKappa:0.00e+00} vs ")
                + Invariant($"{UpstreamFailureLog.LoggedFailureKappa:0.00e+00} (:1452), ")
                + "kappa = lambda_max / 1e-10 (:436-440)",
            Correct = "claim C10 on 2x2 matrix multiplication at B = 32",
            Explanation = "The 26 of 50 are " + task + ", not matrix multiplication.",
            Explained = ExplainedNames.Decide(hasScript: true, success.Count == PaperSuccesses
                && acc.Count == PaperRuns),
            Rule = "traced iff the script's rule on its logged accuracies counts 26 successes of 50",
        };
        var accuracy = new NumberTrace
        {
            Quantity = "mean test accuracy, successes vs failures",
            Paper = "0.978 vs 0.891",
            Sources = sources,
            Reexecution = "the class means of the logged accuracies: "
                + Invariant($"{success.Average():0.000} vs {failure.Average():0.000}"),
            Correct = "claim C10's accuracy on 2x2 products (its own definition, stated in the claim)",
            Explanation = "No script prints these means; the logged runs give 0.988 vs 0.861, not the paper's numbers.",
            Explained = ExplainedNames.Decide(hasScript: true,
                Math.Round(success.Average(), 3) == PaperSuccessAccuracy
                    && Math.Round(failure.Average(), 3) == PaperFailureAccuracy),
            Rule = "traced iff both class means of the logged accuracies round to the paper's (3 decimals)",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [count, accuracy]), [], []);
    }
}
