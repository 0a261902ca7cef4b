using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// What an inconclusive rule lacks, sized from the runs so far: the runs of its design stored, the total the rule
/// would need if the measured rate held (null where the data give no size) and how that was worked out.
/// </summary>
public sealed record RunsToDecide(int Stored, int? Needed, string Basis)
{
    /// <summary>
    /// The rule needs <paramref name="needed"/> runs of a kind (successes, discrete runs) among the design's, and
    /// <paramref name="hits"/> of <paramref name="stored"/> are: the runs at which that many arise with 80%.
    /// </summary>
    public static RunsToDecide ForCount(int stored, int hits, int needed, string kind)
    {
        if (stored == 0) return new(0, null, $"no runs stored, so no rate of {kind} to size the design from");
        if (hits == 0)
        {
            // No rate to hold; the interval's upper end gives the fewest runs the rule could need.
            var upper = WilsonInterval.Of(0, stored).Upper;
            var fewest = RunsNeeded.ForSuccesses(upper, needed);
            return new(stored, null, $"no {kind} in {Show.Count(stored)} runs, and a rate of 0 gives no run count; at "
                + $"the rate's 95% upper bound ({Show.Pct(upper)}) {needed} {kind} would take "
                + (fewest is { } f ? $"at least {Show.Count(f)} runs" : $"over {Show.Count(RunsNeeded.Limit)} runs"));
        }
        double rate = hits / (double)stored;
        var n = RunsNeeded.ForSuccesses(rate, needed);
        string measured = $"{needed} {kind} needed, {hits} of {Show.Count(stored)} runs are ({Show.Pct(rate)})";
        return n is { } total
            ? new(stored, total, $"{measured}: at that rate {Show.Count(total)} runs give {needed} with probability "
                + Show.Pct(RunsNeeded.DefaultAssurance))
            : new(stored, null, $"{measured}: at that rate it would take over {Show.Count(RunsNeeded.Limit)} runs");
    }

    /// <summary>The rule needs a Wilson interval no wider than ± halfWidth: the runs at which the measured rate gets one.</summary>
    public static RunsToDecide ForHalfWidth(ProportionInterval ci, double halfWidth)
    {
        if (ci.Trials == 0) return new(0, null, "no runs stored, so no rate to size the design from");
        var n = RunsNeeded.ForHalfWidth(ci.Estimate, halfWidth);
        string at = $"at the measured rate ({Show.Pct(ci.Estimate)}) the Wilson 95% interval narrows to ± {Show.Pct(halfWidth)}";
        return n is { } total
            ? new(ci.Trials, total, $"{at} at {Show.Count(total)} runs")
            : new(ci.Trials, null, $"{at} only beyond {Show.Count(RunsNeeded.Limit)} runs");
    }

    /// <summary>The rule needs at least a fixed number of runs, whatever they show.</summary>
    public static RunsToDecide AtLeast(int stored, int minimum, string what) =>
        new(stored, minimum, $"the rule needs at least {Show.Count(minimum)} {what} (now {Show.Count(stored)})");

    /// <summary>One line for the report: the size and how it was worked out, or why there is none.</summary>
    public string Describe() => Needed is { } n
        ? $"about {Show.Count(n)} runs would let the rule decide (now {Show.Count(Stored)}): {Basis}"
        : $"no run count: {Basis}";

    /// <summary>A few words for the console: "needs ~1,605 runs" or "no run count".</summary>
    public string Short() => Needed is { } n ? $"needs ~{Show.Count(n)} runs" : "no run count";
}
