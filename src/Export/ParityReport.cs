using StrassenRepro.Crystallization;

namespace StrassenRepro.Export;

/// <summary>
/// ONNX Runtime's output against our evaluator and against the float64 naive product, on the same float32
/// inputs; EvaluatorMaxRelVsNaive64 is our own float32 evaluator's error, the yardstick for the float32 error.
/// </summary>
public sealed record ParityReport(
    string Runtime,
    int Batch,
    ulong Seed,
    double MaxAbsVsEvaluator,
    double MaxRelVsEvaluator,
    double MaxAbsVsNaive64,
    double MaxRelVsNaive64,
    double EvaluatorMaxRelVsNaive64,
    bool Pass)
{
    /// <summary>The paper's own check, max abs difference to the model below 1e-5; informational (it ignores scale, so large sizes miss it).</summary>
    public bool PaperCriterion => TransferTest.MeetsPaperCriterion(MaxAbsVsEvaluator);
}
