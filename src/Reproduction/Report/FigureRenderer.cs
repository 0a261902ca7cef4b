using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Report;

/// <summary>Draws a <see cref="FigureSpec"/> with ScottPlot, using only the font shipped in this assembly.</summary>
public static class FigureRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 500;

    static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static RenderedFigure Render(FigureSpec spec, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        ShippedFont.Register();

        using var plot = new Plot();
        plot.Font.Set(ShippedFont.Name);
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        if (spec.Kind == FigureKind.Heatmap)
        {
            var grid = spec.Grid ?? new HeatmapGrid([], [], [], "");
            int undrawn = HeatmapDrawing.Draw(plot, grid);
            if ((spec.Annotation ?? (grid.Cells.Count == undrawn ? "no drawable data" : null)) is { } empty)
                plot.Add.Annotation(empty, Alignment.MiddleCenter);
            return Finish(plot, width, height, undrawn);
        }

        var geometry = FigureGeometry.Of(spec);

        for (int j = 0; j < geometry.Series.Count; j++)
            AddSeries(plot, spec.Kind, geometry.Series[j], Palette.GetColor(j), j, geometry.Series.Count);

        ConfigureAxes(plot, spec, geometry);
        if ((spec.Annotation ?? (geometry.IsEmpty ? "no drawable data" : null)) is { } note)
            plot.Add.Annotation(note, Alignment.MiddleCenter);
        if (geometry.Series.Any(s => !string.IsNullOrWhiteSpace(s.Label) && s.X.Length > 0))
        {
            plot.Legend.FontName = ShippedFont.Name;
            plot.Legend.FontSize = 14;
            plot.Legend.SetBestFontOnEachRender = false;
            plot.ShowLegend(Edge.Right);
        }

        return Finish(plot, width, height, geometry.SkippedPoints);
    }

    static RenderedFigure Finish(Plot plot, int width, int height, int skipped)
    {
        // The font setting above reaches only what exists; set it again for everything added since.
        plot.Font.Set(ShippedFont.Name);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        var png = plot.GetImage(width, height).GetImageBytes(ImageFormat.Png);
        return new RenderedFigure(png, skipped);
    }

    static void AddSeries(Plot plot, FigureKind kind, DrawnSeries s, Color color, int index, int count)
    {
        if (s.X.Length == 0) return;
        switch (kind)
        {
            case FigureKind.Bar:
                var bars = s.X.Select((x, k) => new Bar
                {
                    Position = x,
                    Value = s.Y[k],
                    ValueBase = 0,
                    Size = FigureGeometry.BarGroupWidth / count * 0.95,
                    FillColor = color,
                }).ToArray();
                var barPlot = plot.Add.Bars(bars);
                barPlot.LegendText = s.Label;
                break;
            case FigureKind.Scatter:
                var points = plot.Add.ScatterPoints(s.X, s.Y, color);
                points.MarkerSize = 8;
                points.LegendText = s.Label;
                break;
            default:
                var line = plot.Add.Scatter(s.X, s.Y, color);
                line.LineWidth = 2;
                line.MarkerSize = 6;
                line.LegendText = s.Label;
                break;
        }
        if (s.HasErrors)
        {
            var zeros = new double[s.X.Length];
            var errors = new ErrorBar(s.X, s.Y, zeros, zeros, s.ErrorAbove, s.ErrorBelow)
            {
                Color = kind == FigureKind.Bar ? Colors.Black : color,
                LineWidth = 1.5f,
                CapSize = 6,
            };
            plot.Add.Plottable(errors);
        }
    }

    static void ConfigureAxes(Plot plot, FigureSpec spec, FigureGeometry geometry)
    {
        if (geometry.XTicks is { Count: > 0 } ticks)
            plot.Axes.Bottom.TickGenerator = new NumericManual(ticks.Select(t => t.Position).ToArray(), ticks.Select(t => t.Label).ToArray());
        else if (spec.LogX && spec.Kind != FigureKind.Bar)
            plot.Axes.Bottom.TickGenerator = LogTicks();
        if (spec.LogY)
            plot.Axes.Left.TickGenerator = LogTicks();

        if (spec.Kind == FigureKind.Bar)
        {
            // Bars grow from 0; on a log axis from the decade below the smallest bar.
            var ys = geometry.Series.SelectMany(s => s.Y).ToArray();
            if (spec.LogY && ys.Length > 0)
            {
                double floor = Math.Floor(ys.Min()) - 1;
                foreach (var bar in plot.GetPlottables<BarPlot>().SelectMany(b => b.Bars)) bar.ValueBase = floor;
            }
            plot.Axes.Margins(bottom: 0);
        }
    }

    /// <summary>Major ticks at whole decades labelled by their value; the data are already log10.</summary>
    static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = DecadeLabel,
    };

    public static string DecadeLabel(double exponent)
    {
        double value = Math.Pow(10, exponent);
        return value is >= 1e-3 and < 1e5
            ? value.ToString("0.###", CultureInfo.InvariantCulture)
            : "1e" + Math.Round(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
