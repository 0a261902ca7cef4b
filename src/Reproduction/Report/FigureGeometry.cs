using System.Globalization;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Report;

/// <summary>What a figure spec becomes before any pixel is drawn.</summary>
public sealed record FigureGeometry(IReadOnlyList<DrawnSeries> Series, IReadOnlyList<CategoryTick>? XTicks, int SkippedPoints)
{
    /// <summary>Total width of one category slot taken by a group of bars.</summary>
    public const double BarGroupWidth = 0.8;

    /// <summary>Up to this many distinct X values on a log axis are each given a tick.</summary>
    public const int MaxPointTicks = 12;

    public bool IsEmpty => Series.All(s => s.X.Length == 0);

    /// <summary>
    /// Drops points that cannot be drawn (NaN, infinite, not positive on a log axis, beyond the
    /// shorter of X and Y) and counts them. Bar charts put each distinct X value in its own slot
    /// 0, 1, 2, ... with several series side by side; XTickLabels[i] names the i-th smallest
    /// distinct X over all series (numbers are printed where labels run out). A log X axis with at
    /// most <see cref="MaxPointTicks"/> distinct values gets a tick at each.
    /// </summary>
    public static FigureGeometry Of(FigureSpec spec)
    {
        bool bars = spec.Kind == FigureKind.Bar;
        bool logX = spec.LogX && !bars;
        int skipped = 0;

        // First pass: the points that survive, in data coordinates.
        var kept = new List<List<int>>();
        foreach (var s in spec.Series)
        {
            var idx = new List<int>();
            int n = Math.Min(s.X.Length, s.Y.Length);
            skipped += Math.Max(s.X.Length, s.Y.Length) - n;
            for (int i = 0; i < n; i++)
            {
                if (Drawable(s.X[i], logX) && Drawable(s.Y[i], spec.LogY)) idx.Add(i);
                else skipped++;
            }
            kept.Add(idx);
        }

        var distinctX = spec.Series.Zip(kept)
            .SelectMany(p => p.Second.Select(i => p.First.X[i]))
            .Distinct().Order().ToArray();
        var slotOf = distinctX.Select((x, k) => (x, k)).ToDictionary(p => p.x, p => p.k);

        var drawn = new List<DrawnSeries>();
        for (int j = 0; j < spec.Series.Count; j++)
        {
            var s = spec.Series[j];
            var idx = kept[j];
            if (spec.Kind == FigureKind.Line) idx = idx.OrderBy(i => s.X[i]).ToList();
            var xs = new double[idx.Count];
            var ys = new double[idx.Count];
            var below = new double[idx.Count];
            var above = new double[idx.Count];
            for (int k = 0; k < idx.Count; k++)
            {
                int i = idx[k];
                xs[k] = bars ? slotOf[s.X[i]] + BarOffset(j, spec.Series.Count) : Axis(s.X[i], logX);
                ys[k] = Axis(s.Y[i], spec.LogY);
                below[k] = ErrorOffset(ys[k], At(s.YLower, i), spec.LogY, below: true);
                above[k] = ErrorOffset(ys[k], At(s.YUpper, i), spec.LogY, below: false);
            }
            drawn.Add(new DrawnSeries(s.Label, xs, ys, below, above, s.YLower is not null || s.YUpper is not null));
        }

        // A log X axis over a few points (sizes, batch sizes) spans too few decades for decade
        // ticks to say much, so such points get ticks of their own.
        IReadOnlyList<CategoryTick>? ticks = null;
        if (bars || spec.XTickLabels is not null || (logX && distinctX.Length is > 0 and <= MaxPointTicks))
        {
            ticks = distinctX.Select((x, k) => new CategoryTick(
                bars ? k : Axis(x, logX),
                spec.XTickLabels is { } labels && k < labels.Count ? labels[k] : x.ToString("G6", CultureInfo.InvariantCulture))).ToList();
            // Category slots are evenly spaced; points on an axis may crowd (192, 224, 256 on a log axis).
            if (!bars) ticks = LabelsThatFit(ticks);
        }
        return new FigureGeometry(drawn, ticks, skipped);
    }

    /// <summary>Width of a label character, and the space between two labels, as fractions of the axis span.</summary>
    public const double LabelCharWidth = 8.0 / 560, LabelSpacing = 8.0 / 560;

    /// <summary>
    /// Clears the labels (ticks stay) that would overlap their neighbours, for the default figure width: the first
    /// and the last keep theirs, the others from left to right when they clear the last kept one and the last one.
    /// </summary>
    public static IReadOnlyList<CategoryTick> LabelsThatFit(IReadOnlyList<CategoryTick> ticks)
    {
        if (ticks.Count < 3) return ticks;
        double span = ticks[^1].Position - ticks[0].Position;
        bool Clear(CategoryTick a, CategoryTick b) =>
            (b.Position - a.Position) / span >= (a.Label.Length + b.Label.Length) / 2.0 * LabelCharWidth + LabelSpacing;
        var fitted = new List<CategoryTick> { ticks[0] };
        var kept = ticks[0];
        for (int i = 1; i < ticks.Count - 1; i++)
        {
            bool fits = Clear(kept, ticks[i]) && Clear(ticks[i], ticks[^1]);
            fitted.Add(fits ? ticks[i] : ticks[i] with { Label = "" });
            if (fits) kept = ticks[i];
        }
        fitted.Add(ticks[^1]);
        return fitted;
    }

    /// <summary>Offset of series j of n from its slot's centre, so grouped bars sit side by side.</summary>
    public static double BarOffset(int j, int n) => -BarGroupWidth / 2 + (j + 0.5) * BarGroupWidth / n;

    static bool Drawable(double v, bool log) => double.IsFinite(v) && (!log || v > 0);

    static double Axis(double v, bool log) => log ? Math.Log10(v) : v;

    static double At(double[]? a, int i) => a is not null && i < a.Length ? a[i] : double.NaN;

    /// <summary>Distance from the point to an interval end; 0 where the end is missing or undrawable.</summary>
    static double ErrorOffset(double y, double end, bool log, bool below)
    {
        if (!Drawable(end, log)) return 0;
        double d = below ? y - Axis(end, log) : Axis(end, log) - y;
        return Math.Max(0, d);
    }
}
