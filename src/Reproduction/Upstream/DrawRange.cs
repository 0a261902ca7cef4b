using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The central 95% of repeated draws of a random quantity (2.5% and 97.5% quantiles, R's type 7): where one draw, such
/// as the single pair a script measured, falls with probability 0.95. A paper's number inside it is "within sampling
/// error" of our re-execution.
/// </summary>
public sealed record DrawRange(double Lower, double Upper, int Draws)
{
    public const double Coverage = 0.95;

    public static DrawRange Of(IEnumerable<double> draws)
    {
        var sorted = draws.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("a range needs at least one draw", nameof(draws));
        double tail = (1 - Coverage) / 2;
        return new DrawRange(RocAuc.Quantile(sorted, tail), RocAuc.Quantile(sorted, 1 - tail), sorted.Length);
    }

    public bool Contains(double x) => x >= Lower && x <= Upper;
}
