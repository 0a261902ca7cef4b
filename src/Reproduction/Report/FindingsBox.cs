using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// The findings box at the top of the report and the console output: three to five plain sentences, each computed
/// from <see cref="StudyFindings"/>, each saying so where its data are missing. Outside a whole report the title
/// says the sentences are no findings.
/// </summary>
public static class FindingsBox
{
    public const string Heading = "What the study shows";

    public static string Title(ReportScope scope) =>
        scope.ClaimsFindings ? Heading : $"{Heading} ({scope.ToWire()} report: not findings)";

    public static IReadOnlyList<string> Lines(StudyFindings f)
    {
        var lines = new List<string>();
        if (f.IntegerTable.Trials == 0)
            lines.Add("No run of the protocol's design (C1/C2) is stored, so how often it gives Strassen's integer table, "
                + "or an exact algorithm in another basis, is not measured here.");
        else
        {
            lines.Add($"{Of(f.IntegerTable)} runs of the protocol (B {Batches(f.BatchSizes)}) round to Strassen's integer "
                + $"table (S = 1): {Interval(f.IntegerTable)}.");
            int other = f.AfterRecovery.Successes - f.IntegerTable.Successes;
            lines.Add($"{Of(f.AfterRecovery)} are an exact integer scheme after lattice recovery, {Interval(f.AfterRecovery)}: "
                + $"{Show.Count(other)} of them an exact rank-7 algorithm in another basis.");
            lines.Add(BatchSize(f.BatchSize));
        }
        lines.Add(Traces(f));
        return lines;
    }

    /// <summary>C2's test in words, following its rule's verdict.</summary>
    static string BatchSize(BatchSizeEffect e)
    {
        string rates = $"success {Show.Pct(e.RateInside)} with B in [24,128] (n = {Show.Count(e.RunsInside)}) against "
            + $"{Show.Pct(e.RateOutside)} outside (n = {Show.Count(e.RunsOutside)}), Fisher {Show.PIs(e.FisherP)}";
        string anova = double.IsFinite(e.Anova.EtaSquared) ? $"; delta's ANOVA over B: eta^2 = {e.Anova.EtaSquared:0.###}" : "";
        return e.Verdict switch
        {
            Verdict.Reproduced => $"Batch size matters, as the paper says: {rates}{anova}.",
            Verdict.NotReproduced => $"Batch size does not select success: {rates}{anova}.",
            _ => $"Too few runs to say whether batch size matters: {rates}{anova}.",
        };
    }

    /// <summary>The paper's numbers that do not trace, or that no script computes; said plainly where all trace.</summary>
    static string Traces(StudyFindings f)
    {
        if (f.TracedNumbers == 0) return "No paper number was traced to the upstream scripts in this evaluation.";
        if (f.NotTraced.Count == 0 && f.NoScript.Count == 0)
            return $"Every paper number traced here ({Show.Count(f.TracedNumbers)}) is what its upstream script computes.";
        var parts = new List<string>();
        if (f.NotTraced.Count > 0) parts.Add($"the public scripts do not give {Numbers(f.NotTraced)}");
        if (f.NoScript.Count > 0) parts.Add($"no script computes {Numbers(f.NoScript)}");
        return $"Of {Show.Count(f.TracedNumbers)} paper numbers traced, {string.Join("; and ", parts)}.";
    }

    /// <summary>"C1 68%, C2 F = 15.34, ...": the paper's figure as printed, without its parenthetical detail.</summary>
    static string Numbers(IReadOnlyList<(string ClaimId, NumberTrace Number)> numbers) =>
        string.Join("; ", numbers.OrderBy(x => x.ClaimId, ClaimOrder.Instance).Select(x => $"{x.ClaimId} {Figure(x.Number.Paper)}"));

    public static string Figure(string paper)
    {
        int cut = paper.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? paper[..cut] : paper;
    }

    static string Of(ProportionInterval ci) => $"{Show.Count(ci.Successes)} of {Show.Count(ci.Trials)}";

    static string Interval(ProportionInterval ci) =>
        $"{Show.Pct(ci.Estimate)} [{Show.Pct(ci.Lower)}, {Show.Pct(ci.Upper)}] (Wilson 95%)";

    static string Batches(IReadOnlyList<int> sizes) =>
        sizes.Count == 1 ? $"= {sizes[0]}" : $"from {sizes[0]} to {sizes[^1]}";
}
