using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C4's 0% at every sigma: validation_experiments.py's noise test (:125-159) run on its own constant (M1 = A11,
/// :18-44), re-executed on that constant and on Strassen, beside the script's result file; with the permutation test
/// (:85-122) of the same script, also run on both.
/// </summary>
public sealed class C4NoiseOrigin : IOriginTrace
{
    /// <summary>The sigmas the paper's table shows (it omits the script's 0.02 and 0.1).</summary>
    public static readonly IReadOnlyList<double> PaperSigmas = [0.001, 0.005, 0.01, 0.05];

    public string ClaimId => "C4";

    public OriginEvidence Trace(ClaimContext context)
    {
        var constant = ValidationConstant.Scheme();
        var brent = BrentCheck.Exact(constant);
        var upstream = NoiseStabilityTest.Run(constant, new GaussianSource(0x125));
        var correct = NoiseStabilityTest.Run(KnownSchemes.Strassen(), new GaussianSource(0x125));
        var shown = upstream.Where(r => PaperSigmas.Contains(r.Sigma)).ToList();
        bool agrees = shown.Count == PaperSigmas.Count
            && shown.All(r => WilsonInterval.Of(r.Successes, r.Trials).Contains(0));
        var number = new NumberTrace
        {
            Quantity = "success under noise, sigma in {0.001, 0.005, 0.01, 0.05}",
            Paper = "0% at every sigma",
            Sources = [UpstreamFiles.At(UpstreamFiles.Validation, "125-159"),
                UpstreamFiles.At(UpstreamFiles.Validation, "18-44"),
                UpstreamFiles.At(UpstreamFiles.ValidationResults, "")],
            Reexecution = "validation_experiments.py on its own constant: " + string.Join(", ",
                shown.Select(r => Invariant($"{r.Successes}/{r.Trials}")))
                    + Invariant($" (sigma = {string.Join(", ", PaperSigmas)})"),
            Correct = "the same test on Strassen's coefficients: " + string.Join(", ",
                correct.Where(r => PaperSigmas.Contains(r.Sigma)).Select(r => Invariant($"{r.Successes}/{r.Trials}"))),
            Explanation = Invariant($"The script's constant has M1 = A11 and fails {brent.FailedEquations} of the ")
                + Invariant($"{brent.EquationCount} Brent equations; rounding removes noise below 0.5, ")
                + "so every trial measures that constant's error, never the noise.",
            Explained = ExplainedNames.Decide(hasScript: true, agrees),
            Rule = "traced iff 0% lies in the Wilson 95% interval of the re-executed success rate at every sigma of "
                + "the paper's table",
        };
        var permutations = (Upstream: PermutationTest.Run(constant, new GaussianSource(0x85)),
            Correct: PermutationTest.Run(KnownSchemes.Strassen(), new GaussianSource(0x85)));
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [NoiseTable(upstream, correct), PermutationTable(permutations.Upstream, permutations.Correct)],
            [
                "`verify examples/upstream-validation-constant.json` (the script's constant): INVALID, "
                + Invariant($"{brent.FailedEquations} of {brent.EquationCount} equations fail: ")
                + "c11 and c22 each lose a22 (b11 + b22).",
                "The permutation test permutes U's rows, V's rows and W's columns together, an exact symmetry of every "
                    + "scheme: all permutations give the scheme's own error, the identity included, so it cannot show "
                    + "the identity is unique (the paper's 'identity 1.2e-7, others 0.74', paper:1183-1188, is not "
                    + "what its result file holds).",
            ]);
    }

    private static ReportTable NoiseTable(IReadOnlyList<NoiseLevelResult> upstream,
        IReadOnlyList<NoiseLevelResult> correct) => new(
        "validation_experiments.py's noise table: its result file, re-executed on its constant, and on Strassen",
        ["sigma", "upstream file: success", "upstream file: mean error",
            "re-executed on the constant (M1 = A11): success",
            "mean error", "on Strassen (correct): success", "mean error"],
        upstream.Select((r, i) => (IReadOnlyList<string>)
        [
            Invariant($"{r.Sigma}"), Show.Pct(UpstreamValidationResults.NoiseSuccessRate[i]),
            Invariant($"{UpstreamValidationResults.NoiseMeanError[i]:0.###}"),
            Invariant($"{r.Successes}/{r.Trials} = {Show.Pct(r.SuccessRate)}"), Invariant($"{r.MeanError:0.###}"),
            Invariant($"{correct[i].Successes}/{correct[i].Trials} = {Show.Pct(correct[i].SuccessRate)}"),
            Invariant($"{correct[i].MeanError:0.00e+00}"),
        ]).ToList());

    private static ReportTable PermutationTable(PermutationResult upstream, PermutationResult correct)
    {
        IReadOnlyList<string> Row(string what, PermutationResult r) =>
        [
            what, Invariant($"{r.Permutations}"), Invariant($"{r.IdentityError:0.00e+00}"),
                Invariant($"{r.MinError:0.00e+00}"),
            Invariant($"{r.MaxError:0.00e+00}"), r.AllEquivalent ? "true" : "false",
        ];
        return new ReportTable("validation_experiments.py's permutation test (one pair, all 5040 slot permutations)",
            ["scheme", "permutations", "identity's error", "smallest error", "largest error", "all_equivalent"],
            [
                ["upstream file (its constant)", Invariant($"{UpstreamValidationResults.Permutations}"), "-", "-",
                    Invariant($"{UpstreamValidationResults.PermutationMaxError:0.00e+00}"),
                    UpstreamValidationResults.PermutationAllEquivalent ? "true" : "false"],
                Row("re-executed on the constant (M1 = A11)", upstream),
                Row("on Strassen (correct)", correct),
            ]);
    }
}
