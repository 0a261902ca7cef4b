using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using static System.FormattableString;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// C7's checkpoint table (paper:1283-1287): verify_checkpoints.py's test (:51-86, :152-163; delta, then Q, then 1000
/// float32 pairs) and its 2x2 max error, re-executed on the three files the paper lists when --checkpoints gives them,
/// else on canonical Strassen, which docs/upstream-map.md 1.13 decodes all three to (said in the row).
/// </summary>
public sealed class C7CheckpointsOrigin : IOriginTrace
{
    public const int Draws = 200;

    /// <summary>The paper's table: file and max error (delta 0.000000 and S = 1 for each).</summary>
    public static readonly IReadOnlyList<(string File, double MaxError)> PaperTable =
        [("strassen_grokked_weights.pt", 1.19e-6), ("strassen_discrete_final.pt", 1.19e-6),
            ("strassen_exact.pt", 1.43e-6)];

    public string ClaimId => "C7";

    public OriginEvidence Trace(ClaimContext context)
    {
        var rows = new List<IReadOnlyList<string>>();
        bool agrees = true;
        int onFiles = 0;
        foreach (var (name, paper) in PaperTable)
        {
            string? file = context.Checkpoints.Named(name);
            var scheme = file is null ? KnownSchemes.Strassen() : CheckpointInputs.TryRead(file);
            if (file is not null) onFiles++;
            if (scheme is null)
            {
                agrees = false;
                rows.Add([name, Invariant($"{paper:0.00e+00}"), "unreadable", "-", "-", "-"]);
                continue;
            }
            var rng = new GaussianSource(0x183);
            var s = DeltaGatedSuccess.Decide(scheme, rng);
            var range = DrawRange.Of(Enumerable.Range(0, Draws)
                .Select(_ => Float32Check.OnRandomPairs(scheme, DeltaGatedSuccess.Pairs, rng).MaxAbsError));
            agrees &= s.Success && range.Contains(paper);
            rows.Add([name, Invariant($"{paper:0.00e+00}"), file is null ? "canonical Strassen (file not given)"
                : "the file",
                Invariant($"{s.Delta:0.######}"), s.Success ? "1" : "0",
                    Invariant($"[{range.Lower:0.00e+00}, {range.Upper:0.00e+00}]")]);
        }
        string on = onFiles == PaperTable.Count ? "the three files" : onFiles == 0
            ? "canonical Strassen, standing in for the three files (not given: pass --checkpoints)"
            : Invariant($"{onFiles} of the files, canonical Strassen for the others");
        var number = new NumberTrace
        {
            Quantity = "checkpoints: delta, max error, S",
            Paper = "delta 0, max error 1.19e-6, 1.19e-6, 1.43e-6, S = 1 (three files)",
            Sources = [UpstreamFiles.At(UpstreamFiles.VerifyCheckpoints, "51-86"),
                UpstreamFiles.At(UpstreamFiles.VerifyCheckpoints, "152-163")],
            Reexecution = Invariant($"verify_checkpoints.py's test on {on}: ")
                + string.Join("; ", rows.Select(r => $"{r[0]}: S = {r[4]}, max error over 1000 pairs in {r[5]}")),
            Correct = "claim C7: delta, an exact Brent check of Q and max error in float64; and whether each file is "
                + "Strassen's own table",
            Explanation = "The max errors are float32 rounding of Strassen's own coefficients on 1000 pairs: the "
                + "checkpoints are canonical Strassen, the table train_strassen.py's fallback saves "
                + "(train_strassen.py:211-257, :318-326).",
            Explained = ExplainedNames.Decide(hasScript: true, agrees),
            Rule = "traced iff every listed checkpoint gets S = 1 and its paper max error lies in the central 95% of "
                + Invariant($"{Draws} re-executed 1000-pair max errors"),
        };
        return new OriginEvidence(new ClaimOrigin(ClaimId, [number]),
            [new ReportTable("verify_checkpoints.py re-executed on the paper's three checkpoints",
                ["checkpoint", "paper max error", "judged", "delta", "S",
                    Invariant($"max error, central 95% of {Draws} draws of 1000 pairs")],
                rows)],
            []);
    }
}
