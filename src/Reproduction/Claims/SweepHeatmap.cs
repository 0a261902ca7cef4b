using System.Globalization;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// The C8 sweep over batch size and weight decay as two heatmaps: the share of runs with S = 1 and the share exact
/// after lattice recovery, each cell labelled with its counts. The sweep spreads wd over a continuum, so the rows are
/// half decades of wd.
/// </summary>
public static class SweepHeatmap
{
    /// <summary>The half decade a weight decay falls in: k with 10^(k/2) &lt;= wd &lt; 10^((k+1)/2).</summary>
    public static int HalfDecade(double wd) => (int)Math.Floor(2 * Math.Log10(wd));

    /// <summary>"1e-5 to 3.2e-5": the half decade's ends.</summary>
    public static string HalfDecadeLabel(int k) => $"{Edge(k)} to {Edge(k + 1)}";

    static string Edge(int k) => Math.Pow(10, k / 2.0).ToString("0.#e+0", CultureInfo.InvariantCulture).Replace("e+", "e");

    public static IReadOnlyList<FigureSpec> Of(IReadOnlyList<RunRecord> runs) =>
    [
        Figure(runs, "c8-sweep-s1-heatmap", "S = 1 (Strassen's integer table)", "S = 1", r => r.Discrete),
        Figure(runs, "c8-sweep-recovery-heatmap", "exact after lattice recovery", "exact after recovery",
            r => r.ExactAfterRecovery),
    ];

    static FigureSpec Figure(IReadOnlyList<RunRecord> runs, string id, string what, string shortName, Func<RunRecord, bool> hit)
    {
        // A weight decay of 0 (or not finite) has no half decade: such runs are counted in the caption, not drawn.
        var drawn = runs.Where(r => double.IsFinite(r.Config.WeightDecay) && r.Config.WeightDecay > 0).ToList();
        var batches = drawn.Select(r => r.Config.BatchSize).Distinct().Order().ToList();
        var decades = drawn.Select(r => HalfDecade(r.Config.WeightDecay)).ToList();
        var rows = decades.Count == 0 ? [] : Enumerable.Range(decades.Min(), decades.Max() - decades.Min() + 1).ToList();
        var cells = drawn.GroupBy(r => (Column: batches.IndexOf(r.Config.BatchSize), Row: rows.IndexOf(HalfDecade(r.Config.WeightDecay))))
            .OrderBy(g => g.Key.Row).ThenBy(g => g.Key.Column)
            .Select(g => new HeatmapCell(g.Key.Column, g.Key.Row, g.Count(hit) / (double)g.Count(), $"{g.Count(hit)}/{g.Count()}"))
            .ToList();
        int left = runs.Count - drawn.Count;
        return new FigureSpec
        {
            Id = id,
            Title = $"C8 sweep: share of runs {what}",
            XLabel = "batch size B",
            YLabel = "weight decay wd",
            Kind = FigureKind.Heatmap,
            Series = [],
            Grid = new HeatmapGrid(batches.Select(b => $"{b}").ToList(), rows.Select(HalfDecadeLabel).ToList(), cells,
                $"share {shortName}"),
            Annotation = drawn.Count == 0 ? "no sweep runs" : null,
            Caption = $"Each cell: runs with {shortName} / runs in the cell ({drawn.Count(hit)} of {drawn.Count} in all); "
                + "its colour is their share, from 0 to 1; wd in half-decade bins."
                + (left > 0 ? $" {left} run(s) with no positive weight decay not drawn." : ""),
        };
    }
}
