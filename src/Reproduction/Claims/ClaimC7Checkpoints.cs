using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>C7: the paper's pre-trained checkpoints meet delta = 0, max error &lt; 1e-5 and S = 1.</summary>
public sealed class ClaimC7Checkpoints : IClaim
{
    public string Id => "C7";
    public string Title => "Pre-trained checkpoints are exact";

    public IEnumerable<RunConfig> Plan(StudyPreset preset) => [];

    public ClaimResult Evaluate(ClaimContext context)
    {
        var dir = context.CheckpointsDir;
        var files = dir is null || !Directory.Exists(dir) ? [] :
            Directory.EnumerateFiles(dir).Where(f => SchemeReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
        var rows = new List<IReadOnlyList<string>>();
        int meets = 0, unreadable = 0;
        foreach (var file in files)
        {
            try
            {
                var (source, report) = FileVerification.Verify(new FileVerificationRequest(file));
                double maxError = NoiseProbe.MaxErrorOnRandomPairs(report.KeptOf(source.Scheme), 1000, new GaussianSource(7));
                bool ok = report.Delta == 0 && maxError < NoiseProbe.NumericalCriterion && report.STheta == 1;
                if (ok) meets++;
                rows.Add([Path.GetFileName(file), $"{report.Delta:0.00e+00}", $"{maxError:0.00e+00}", $"{report.STheta}", report.Outcome.ToWire(), ok ? "yes" : "no"]);
            }
            catch (SchemeFormatException e)
            {
                unreadable++;
                rows.Add([Path.GetFileName(file), "-", "-", "-", $"unreadable: {e.Message}", "no"]);
            }
        }
        var verdict = files.Count == 0 ? Verdict.Inconclusive : meets == files.Count ? Verdict.Reproduced : Verdict.NotReproduced;
        return new ClaimResult
        {
            Id = Id,
            Title = Title,
            PaperSays = "the pre-trained checkpoints meet delta = 0, max error < 1e-5 and S = 1",
            WeMeasured = dir is null ? "no checkpoints given (reproduce --checkpoints DIR, or `verify DIR`)"
                : files.Count == 0 ? $"no checkpoint files ({string.Join(", ", SchemeReader.Extensions)}) in {dir}"
                : $"{meets} of {files.Count} checkpoints meet all three ({unreadable} unreadable)",
            Verdict = verdict,
            Rule = "inconclusive without checkpoint files; reproduced iff every file meets delta = 0, max error < 1e-5 (1000 random pairs, float64, kept un-rounded slots) and S = 1",
            Tables = files.Count == 0 ? [] : [new ReportTable("Checkpoints", ["file", "delta", "max error", "S", "outcome", "meets the claim"], rows)],
            // The note explains a missing folder; once one is given it would read as if none had been.
            Notes = dir is null
                ?
                [
                    "The paper's checkpoints are not distributed with this harness (no network here); point "
                    + "--checkpoints at a folder of .pt/.pth/.json/.npz files to evaluate them.",
                ]
                : [$"Checkpoints judged: the files of {dir} with a scheme extension ({files.Count})."],
        };
    }
}
