namespace StrassenRepro.Reproduction.Evidence;

/// <summary>One series of a figure. YLower/YUpper, when given, are absolute interval ends drawn as error bars.</summary>
public sealed record FigureSeries(string Label, double[] X, double[] Y, double[]? YLower = null, double[]? YUpper = null);
