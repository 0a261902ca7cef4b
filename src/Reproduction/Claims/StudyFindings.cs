using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// What the study shows, as numbers: on the runs of the success design (the protocol at every batch size), how many
/// round to Strassen's integer table (S = 1) and how many are exact after lattice recovery; C2's batch-size test on
/// them; and the paper's numbers that the upstream scripts do not give (not traced) or that no script computes. The
/// report's findings box says it in words.
/// </summary>
public sealed record StudyFindings(
    IReadOnlyList<int> BatchSizes,
    ProportionInterval IntegerTable,
    ProportionInterval AfterRecovery,
    BatchSizeEffect BatchSize,
    int TracedNumbers,
    IReadOnlyList<(string ClaimId, NumberTrace Number)> NotTraced,
    IReadOnlyList<(string ClaimId, NumberTrace Number)> NoScript)
{
    /// <param name="results">The claims evaluated, with their origins where traced.</param>
    public static StudyFindings Of(ClaimContext context, IReadOnlyList<ClaimResult> results)
    {
        var design = context.Find(SuccessDesign.Runs(context.Preset));
        var numbers = results.Where(c => c.Origin is not null)
            .SelectMany(c => c.Origin!.Numbers.Select(n => (c.Id, n))).ToList();
        return new StudyFindings(
            design.Select(r => r.Config.BatchSize).Distinct().Order().ToList(),
            WilsonInterval.Of(design.Count(r => r.Discrete), design.Count),
            WilsonInterval.Of(design.Count(r => r.ExactAfterRecovery), design.Count),
            BatchSizeEffect.Of(design),
            numbers.Count,
            numbers.Where(x => x.n.Explained == Explained.NotTraced).ToList(),
            numbers.Where(x => x.n.Explained == Explained.NoScript).ToList());
    }
}
