namespace StrassenRepro.Reproduction.Evidence;

/// <summary>
/// A heatmap as data: named columns (left to right) and rows (bottom to top), and the cells that hold data, each
/// coloured by its value on the scale [Min, Max] and labelled (the runs behind it, say); a cell not listed is empty.
/// </summary>
public sealed record HeatmapGrid(IReadOnlyList<string> Columns, IReadOnlyList<string> Rows, IReadOnlyList<HeatmapCell> Cells,
    string ScaleLabel, double Min = 0, double Max = 1);
