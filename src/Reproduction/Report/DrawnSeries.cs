namespace StrassenRepro.Reproduction.Report;

/// <summary>One series in drawing coordinates: log10 already applied, bad points removed, error bars as offsets.</summary>
public sealed record DrawnSeries(string Label, double[] X, double[] Y, double[] ErrorBelow, double[] ErrorAbove, bool HasErrors);
