using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C3's "Phase 1 alone: 0%". No script aggregates it; the only one that measures S of the un-pruned model is
/// apendix_experiments.py, which logs S of all 8 slots at every log interval of Phase 1 (:234-236), the last at the end
/// of Phase 1. Its batch-size study is re-executed without Phase 2 and judged by its own test.
/// </summary>
public sealed class C3PhaseOneOrigin : IOriginTrace
{
    private const ulong Salt = 0xC3;

    public string ClaimId => "C3";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => ApendixBatchStudy.Runs(preset, prune: false);

    public OriginEvidence Trace(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset)).ToList();
        var s = runs.Select(r => r.Weights is not null
            && DeltaGatedSuccess.Decide(r.Scheme(), RunStreams.For(r.ConfigHash, Salt)).Success).ToList();
        var ci = WilsonInterval.Of(s.Count(x => x), s.Count);
        var ours = context.Find(new ClaimC3PhaseOneAlone().Plan(context.Preset));
        var number = new NumberTrace
        {
            Quantity = "success of Phase 1 alone (no pruning)",
            Paper = "0%",
            Sources = [UpstreamFiles.At(UpstreamFiles.Apendix, "234-236"),
                UpstreamFiles.At(UpstreamFiles.Apendix, "117-151")],
            Reexecution = "apendix_experiments.py's batch-size study without Phase 2, S of all 8 slots at the end "
                + Invariant($"of Phase 1 by its test (delta < 0.1, relative error < 1e-5): {ci}"),
            Correct = "S of Q of all 8 slots (claim C3): "
                + Invariant($"{ours.Count(r => r.Verification.STheta == 1)}/{ours.Count}"),
            Explanation = "No script reports a Phase-1-alone rate; apendix_experiments.py logs S of the un-pruned "
                + "model, and its delta gate rejects any model with a coefficient 0.1 from the lattice.",
            Explained = ExplainedNames.Decide(hasScript: true, ci.Trials > 0 && ci.Contains(0)),
            Rule = "traced iff 0% lies in the Wilson 95% interval of the re-executed rate (that is: no run passes)",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]), [], []);
    }
}
