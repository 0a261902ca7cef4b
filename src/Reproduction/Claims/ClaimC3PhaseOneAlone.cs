using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C3: Phase 1 alone (no pruning) gives 0% success.</summary>
public sealed class ClaimC3PhaseOneAlone : IClaim
{
    public const int MinimumRuns = 10;

    public string Id => "C3";
    public string Title => "Phase 1 alone does not crystallize";

    /// <summary>Phase 1 alone (pruning off), seeds 1001.. so they share no run with SuccessDesign.</summary>
    public IEnumerable<RunConfig> Plan(StudyPreset preset) =>
        Enumerable.Range(1001, preset.PhaseOneAloneRuns).Select(seed => preset.Run(seed, preset.PhaseOneAloneBatchSize) with { Prune = false });

    public ClaimResult Evaluate(ClaimContext context)
    {
        var runs = context.Find(Plan(context.Preset));
        int k = runs.Count(r => r.Verification.STheta == 1);
        var ci = WilsonInterval.Of(k, runs.Count);
        var verdict = k > 0 ? Verdict.NotReproduced : runs.Count >= MinimumRuns ? Verdict.Reproduced : Verdict.Inconclusive;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "Phase 1 alone achieved 0% success in early experiments; explicit sparsification is required",
            WeMeasured = runs.Count == 0 ? "no runs" : $"S = 1 for the 8-slot model rounded without sparsification: {ci}",
            Verdict = verdict,
            RunsToDecide = verdict == Verdict.Inconclusive ? RunsToDecide.AtLeast(runs.Count, MinimumRuns, "Phase-1-only runs") : null,
            Rule = $"not reproduced iff any Phase-1-only run has S = 1; reproduced iff none does among >= {MinimumRuns} runs; else inconclusive",
            RunHashes = runs.Select(r => r.ConfigHash).ToList(),
            Tables =
            [
                new ReportTable("Phase 1 alone (8 slots, Q of all slots, no sparsification)", ["outcome", "runs"],
                    runs.GroupBy(r => r.Verification.Outcome.ToWire()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (IReadOnlyList<string>)[g.Key, $"{g.Count()}"]).ToList()),
            ],
            Notes =
            [
                $"Runs: {context.Preset.PhaseOneAloneRuns} seeds at B = {context.Preset.PhaseOneAloneBatchSize}, protocol `{context.Preset.Protocol}` with pruning switched off; the verification keeps all 8 slots (rank 8).",
                "An 8-slot scheme with one slot at zero after rounding can still be a valid rank-7 algorithm; it counts as a success here, as S is defined on Q of the kept slots.",
            ],
        };
    }
}
