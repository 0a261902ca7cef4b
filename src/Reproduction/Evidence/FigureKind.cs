namespace StrassenRepro.Reproduction.Evidence;

/// <summary>How a figure draws its series.</summary>
public enum FigureKind
{
    /// <summary>Lines through the points (with optional error bars).</summary>
    Line,
    /// <summary>Markers only (with optional error bars).</summary>
    Scatter,
    /// <summary>Bars at the X positions (with optional error bars); several series side by side.</summary>
    Bar,
    /// <summary>A grid of coloured cells with a label in each (<see cref="FigureSpec.Grid"/>); Series are not drawn.</summary>
    Heatmap,
}
