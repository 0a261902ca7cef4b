using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C11's grokking at epoch 450 (Fig. 5): validation_experiments.py's synthetic curves (:184-247), re-executed.
/// </summary>
public sealed class C11GrokkingOrigin : IOriginTrace
{
    public const int PaperEpoch = 450;

    public string ClaimId => "C11";

    public OriginEvidence Trace(ClaimContext context)
    {
        var curves = SyntheticGrokkingCurves.Generate(new GaussianSource(42));
        var detection = GrokkingDetector.Detect(curves.SuccessCurve(), 1);
        // validation_results.json, grokking: the final values agree within the curves' own noise (1e-8, 1e-7).
        bool fileAgrees = Math.Abs(curves.TrainSuccess[^1] - UpstreamValidationResults.FinalTrainLossSuccess) < 5e-8
            && Math.Abs(curves.TestSuccess[^1] - UpstreamValidationResults.FinalTestLossSuccess) < 5e-7
            && Math.Abs(curves.TrainFailure[^1] - UpstreamValidationResults.FinalTrainLossFailure) < 1e-12;
        var number = new NumberTrace
        {
            Quantity = "grokking of the B = 32 run",
            Paper = "B = 32 groks at epoch 450 (train loss near 0, test loss then drops); B = 512 never",
            Sources = [UpstreamFiles.At(UpstreamFiles.Validation, "184-247"),
                UpstreamFiles.At(UpstreamFiles.ValidationResults, "")],
            Reexecution = "validation_experiments.py's curves: grok epoch "
                + Invariant($"{curves.GrokEpoch} (typed at :196), final losses ")
                + Invariant($"{curves.TrainSuccess[^1]:0.000e+00} / {curves.TestSuccess[^1]:0.000e+00} ")
                + (fileAgrees ? "(as its result file)" : "(NOT as its result file)")
                + Invariant($"; lowest train loss {curves.TrainSuccess.Min():0.0e+00}"),
            Correct = Invariant($"claim C11's detector on that curve: {(detection.Fired ? "fires" : "does not fire")} ")
                + "(its train loss never goes below 1e-6); on trained runs with a fixed training set: claim C11",
            Explanation = "The figure is np.exp curves with a hard-coded grok_point = 450, not a training run.",
            Explained = ExplainedNames.Decide(hasScript: true, curves.GrokEpoch == PaperEpoch && fileAgrees),
            Rule = "traced iff the re-executed script gives grok epoch 450 and its result file's final losses (within "
                + "the curves' noise)",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]), [], []);
    }
}
