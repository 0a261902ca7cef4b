using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Formats;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C7: the paper's pre-trained checkpoints meet delta = 0, max error &lt; 1e-5 and S = 1.</summary>
public sealed class ClaimC7Checkpoints : IClaim
{
    public string Id => "C7";
    public string Title => "Pre-trained checkpoints are exact";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => [];

    /// <summary>How a checkpoint relates to Strassen's own coefficients (train_strassen.py:231-255).</summary>
    public static string StrassenRelation(Scheme scheme, VerificationReport report) =>
        scheme.Rank == 7 && scheme.CoefficientsEqual(KnownSchemes.Strassen()) ? "yes, same slot order"
        : report.CanonicalStrassen ? "yes, up to slot order and signs"
        : "no";

    public ClaimResult Evaluate(ClaimContext context)
    {
        var given = context.Checkpoints;
        var files = given.Files();
        var rows = new List<IReadOnlyList<string>>();
        int meets = 0, unreadable = 0, meetsAsStrassen = 0;
        foreach (var file in files)
        {
            try
            {
                var (source, report) = FileVerification.Verify(new FileVerificationRequest(file));
                double maxError = NoiseProbe.MaxErrorOnRandomPairs(report.KeptOf(source.Scheme), 1000, new GaussianSource(7));
                bool ok = report.Delta == 0 && maxError < NoiseProbe.NumericalCriterion && report.STheta == 1;
                string strassen = StrassenRelation(source.Scheme, report);
                if (ok) meets++;
                if (ok && strassen != "no") meetsAsStrassen++;
                rows.Add([Path.GetFileName(file), $"{report.Delta:0.00e+00}", $"{maxError:0.00e+00}",
                    $"{report.STheta}", report.Outcome.ToWire(),
                    strassen, ok ? "yes" : "no"]);
            }
            catch (SchemeFormatException e)
            {
                unreadable++;
                rows.Add([Path.GetFileName(file), "-", "-", "-", $"unreadable: {e.Message}", "-", "no"]);
            }
        }
        var verdict = files.Count == 0 ? Verdict.Inconclusive : meets == files.Count ? Verdict.Reproduced : Verdict.NotReproduced;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "the pre-trained checkpoints meet delta = 0, max error < 1e-5 and S = 1",
            WeMeasured = !given.Given ? "no checkpoints given (reproduce --checkpoints DIR [FILE...], or `verify DIR`)"
                : files.Count == 0 ? $"no checkpoint files ({string.Join(", "
                    + "", SchemeReader.Extensions)}) in {given.Describe()}"
                : $"{meets} of {files.Count} checkpoints meet all three ({unreadable} unreadable); "
                  + $"{meetsAsStrassen} of the {meets} that meet it are canonical Strassen",
            Verdict = verdict,
            Rule = "inconclusive without checkpoint files; reproduced iff every file meets delta = 0, max error < 1e-5 (1000 random pairs, float64, kept un-rounded slots) and S = 1",
            Tables = files.Count == 0 ? [] :
            [
                new ReportTable("Checkpoints",
                    ["file", "delta", "max error", "S", "outcome", "Strassen's own coefficients", "meets the claim"],
                        rows),
            ],
            // The note explains a missing folder; once one is given it would read as if none had been.
            Notes = !given.Given
                ?
                [
                    "The paper's checkpoints are not distributed with this harness (no network here); point "
                    + "--checkpoints at a folder of .pt/.pth/.json/.npz files (and any single files) to evaluate them.",
                ]
                :
                [
                    $"Checkpoints judged: {given.Describe()}: {files.Count} files.",
                    .. FallbackNote(meets, meetsAsStrassen),
                ],
        };
    }

    /// <summary>
    /// Said only when seen: every file that meets the claim is Strassen's own table, the fallback's output.
    /// </summary>
    private static IEnumerable<string> FallbackNote(int meets, int meetsAsStrassen) => meets > 0
        && meetsAsStrassen == meets
        ?
        [
            $"Every checkpoint that meets the claim "
                + $"({meets}) is canonical Strassen: the table train_strassen.py writes when "
            + "a run fails and its fallback replaces it (src/training/train_strassen.py:211-257, :318-326), not a "
                + "learned scheme that rounds to a valid one.",
        ]
        : [];
}
