using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C5's transfer table: verify_checkpoints.py's expansion (:89-149) of a checkpoint that passes its test, i.e. of
/// canonical Strassen (docs/upstream-map.md 1.13), re-executed for many random pairs per size: the script draws one
/// pair per size, so its number is one draw of a distribution whose central 95% we give.
/// </summary>
public sealed class C5TransferOrigin : IOriginTrace
{
    public const int Draws = 100;

    public string ClaimId => "C5";

    public OriginEvidence Trace(ClaimContext context)
    {
        var learned = new Float32Scheme(KnownSchemes.Strassen());
        var rows = new List<IReadOnlyList<string>>();
        bool absoluteFits = true, relativeFits = true, allPass = true;
        int meetsStated = 0;
        foreach (int n in HardCodedExpansion.Sizes)
        {
            var rng = new GaussianSource(0x89UL + (ulong)n);
            var draws = Enumerable.Range(0, Draws).Select(_ => HardCodedExpansion.Row(learned, n, rng)).ToList();
            var abs = DrawRange.Of(draws.Select(d => d.MaxError));
            var rel = DrawRange.Of(draws.Select(d => d.RelativeError));
            double paper = ClaimC5Transfer.PaperTable[n];
            absoluteFits &= abs.Contains(paper);
            relativeFits &= rel.Contains(paper);
            allPass &= draws.All(d => d.Pass);
            if (paper < 1e-5) meetsStated++;
            rows.Add(
            [
                Invariant($"{n}"), Invariant($"{paper:0.00e+00}"),
                    Invariant($"[{abs.Lower:0.00e+00}, {abs.Upper:0.00e+00}]"),
                Invariant($"[{rel.Lower:0.00e+00}, {rel.Upper:0.00e+00}]"),
                    Invariant($"{draws.Count(d => d.Pass)}/{draws.Count}"),
                paper < 1e-5 ? "yes" : "no",
            ]);
        }
        string which = absoluteFits ? "the absolute max error" : relativeFits ? "the relative error" : "neither error";
        var number = new NumberTrace
        {
            Quantity = "transfer error table 2..64, all PASS",
            Paper = "2.38e-7, 1.91e-6, 6.20e-6, 2.15e-5, 8.13e-5, 2.94e-4, all PASS (stated criterion max error < "
                + "1e-5)",
            Sources = [UpstreamFiles.At(UpstreamFiles.VerifyCheckpoints, "89-149"),
                UpstreamFiles.At(UpstreamFiles.VerifyCheckpoints, "205-219")],
            Reexecution = "verify_checkpoints.py's expansion of canonical Strassen, "
                + Invariant($"{Draws} pairs per size: the paper's numbers lie in the central 95% of {which} ")
                + "at every size; PASS (relative < 1e-4) in "
                + (allPass ? "every draw" : "not every draw"),
            Correct = "claim C5: the learned coefficients at every level, exact in float64; float32 errors beside it",
            Explanation = "The column is float32 rounding of Strassen's own formulas (hard-coded above 2x2), and PASS "
                + "is relative error < 1e-4 (verify_checkpoints.py:140): "
                + Invariant($"only {meetsStated} of 6 numbers meet the stated 1e-5."),
            Explained = ExplainedNames.Decide(hasScript: true, (absoluteFits || relativeFits) && allPass),
            Rule = "traced iff every size's paper number lies in the central 95% of the re-executed absolute (or "
                + "relative) error and every draw passes the script's criterion",
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [new ReportTable("verify_checkpoints.py's expansion of canonical Strassen re-executed "
                + Invariant($"({Draws} pairs per size, float32)"),
                ["size", "paper", "max error, central 95%", "relative error, central 95%", "PASS (relative < 1e-4)",
                    "paper meets < 1e-5"],
                rows)],
            []);
    }
}
