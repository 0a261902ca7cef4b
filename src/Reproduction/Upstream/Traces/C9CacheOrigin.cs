using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>C9's 321 KB: cache_analysis_v2.py's arithmetic (:32-83), deterministic, beside its result file.</summary>
public sealed class C9CacheOrigin : IOriginTrace
{
    public const int PaperKb = 321;

    public string ClaimId => "C9";

    public OriginEvidence Trace(ClaimContext context)
    {
        long total = CacheArithmetic.TotalBytes(1024);
        var ranges = CacheArithmetic.Caches.Select(c => (c.Name, c.Mib, Range: CacheArithmetic.CoherentRange(c.Mib)))
            .ToList();
        // experiments/cache_analysis_results.json: range [8, 1024] for every cache.
        bool fileAgrees = ranges.All(r => r.Range == (8, 1024));
        var (model, optimizer, perSample) = ClaimC9Memory.Footprint();
        var number = new NumberTrace
        {
            Quantity = "memory of a B = 1024 training step",
            Paper = "321 KB (model 384 B, optimizer 768 B, per sample 320 B)",
            Sources = [UpstreamFiles.At(UpstreamFiles.CacheAnalysis, "32-83"),
                UpstreamFiles.At(UpstreamFiles.CacheResults, "")],
            Reexecution = "cache_analysis_v2.py: "
                + Invariant($"{CacheArithmetic.ModelBytes} + {CacheArithmetic.OptimizerBytes} + 1024 x ")
                + Invariant($"{CacheArithmetic.PerSampleBytes} = {total} B = {total / 1024.0:0.#} KB; ")
                + "B 8..1024 under half of every L3 "
                + (fileAgrees ? "(as its result file says)" : "(NOT what its result file says)"),
            Correct = "claim C9: model "
                + Invariant($"{model} B, optimizer {optimizer} B, per sample {perSample} B counted from the ")
                + "activations, plus the gradients of the parameters",
            Explanation = "A deterministic sum with a typed per-sample constant (:35); its docstring's terms add to 20 "
                + "floats per pass, not 40, so 320 B is assumed, not derived.",
            Explained = ExplainedNames.Decide(hasScript: true, Math.Round(total / 1024.0) == PaperKb && fileAgrees),
            Rule = "traced iff the re-executed total at B = 1024 rounds to 321 KB and every cache's range equals the "
                + "result file's [8, 1024]",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [new ReportTable("cache_analysis_v2.py re-executed (threshold: half of L3)", ["cache", "L3", "coherent B"],
                ranges.Select(r => (IReadOnlyList<string>)[r.Name, Invariant($"{r.Mib} MiB"),
                    r.Range is { } x ? Invariant($"[{x.Min}, {x.Max}]") : "none"]).ToList())],
            []);
    }
}
