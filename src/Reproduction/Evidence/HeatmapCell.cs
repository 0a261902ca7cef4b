namespace StrassenRepro.Reproduction.Evidence;

/// <summary>One cell of a <see cref="HeatmapGrid"/>: its column and row, its value and its label.</summary>
public sealed record HeatmapCell(int Column, int Row, double Value, string Label);
