using ScottPlot;
using StrassenRepro.Reproduction.Evidence;

namespace StrassenRepro.Reproduction.Report;

/// <summary>Draws a <see cref="HeatmapGrid"/>: cell (column, row) centred at (column, row), a label in each, a colour bar.</summary>
public static class HeatmapDrawing
{
    /// <summary>Labels on cells in the lower part of the scale are white (Viridis is dark there), black above.</summary>
    public const double DarkBelow = 0.6;

    /// <summary>Draws the grid; returns the cells that could not be drawn (outside the grid, or no finite value).</summary>
    public static int Draw(Plot plot, HeatmapGrid grid)
    {
        int columns = grid.Columns.Count, rows = grid.Rows.Count;
        var drawable = grid.Cells.Where(c => Drawable(c, columns, rows)).ToList();
        if (columns == 0 || rows == 0) return grid.Cells.Count;

        // Each cell a rectangle of its own colour: ScottPlot's bitmap heatmap draws nothing for a single row or column.
        var scale = new ColourScale(new ScottPlot.Colormaps.Viridis(), new ScottPlot.Range(grid.Min, grid.Max));
        foreach (var cell in drawable)
        {
            var box = plot.Add.Rectangle(cell.Column - 0.5, cell.Column + 0.5, cell.Row - 0.5, cell.Row + 0.5);
            box.FillColor = scale.Colormap.GetColor(Shade(cell.Value, grid));
            box.LineWidth = 0;
        }
        var bar = plot.Add.ColorBar(scale);
        bar.Label = grid.ScaleLabel;

        foreach (var cell in drawable)
        {
            var text = plot.Add.Text(cell.Label, cell.Column, cell.Row);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 12;
            text.LabelFontName = ShippedFont.Name;
            text.LabelFontColor = Shade(cell.Value, grid) < DarkBelow ? Colors.White : Colors.Black;
        }

        plot.Axes.Bottom.TickGenerator = Ticks(grid.Columns);
        plot.Axes.Left.TickGenerator = Ticks(grid.Rows);
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        return grid.Cells.Count - drawable.Count;
    }

    /// <summary>Where a value sits on the grid's scale, 0 at Min and 1 at Max (clamped).</summary>
    public static double Shade(double value, HeatmapGrid grid) =>
        grid.Max > grid.Min ? Math.Clamp((value - grid.Min) / (grid.Max - grid.Min), 0, 1) : 0;

    static bool Drawable(HeatmapCell c, int columns, int rows) =>
        c.Column >= 0 && c.Column < columns && c.Row >= 0 && c.Row < rows && double.IsFinite(c.Value);

    /// <summary>What the colour bar reads: the colormap over the grid's scale.</summary>
    sealed class ColourScale(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
    {
        public IColormap Colormap { get; set; } = colormap;
        public ScottPlot.Range GetRange() => range;
    }

    static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<string> labels) =>
        new(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
}
