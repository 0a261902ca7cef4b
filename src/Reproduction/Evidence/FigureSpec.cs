namespace StrassenRepro.Reproduction.Evidence;

/// <summary>A figure as data; the report renders it (PNG) so every figure is traceable to stored runs.</summary>
public sealed record FigureSpec
{
    /// <summary>File-name-safe id, e.g. "c2-success-by-batch".</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public FigureKind Kind { get; init; } = FigureKind.Line;
    public required IReadOnlyList<FigureSeries> Series { get; init; }
    public bool LogX { get; init; }
    public bool LogY { get; init; }
    /// <summary>
    /// Optional category labels for the X positions (bar charts of batch sizes, say): label i names the
    /// i-th smallest distinct X over all series. Bar charts put each distinct X in its own slot (LogX does
    /// not apply to them); see FigureGeometry.
    /// </summary>
    public IReadOnlyList<string>? XTickLabels { get; init; }
    public string? Caption { get; init; }
    /// <summary>The cells of a <see cref="FigureKind.Heatmap"/>; null for every other kind.</summary>
    public HeatmapGrid? Grid { get; init; }
    /// <summary>Text drawn inside the plot, e.g. why an expected curve is missing (a legend cannot say it).</summary>
    public string? Annotation { get; init; }
}
