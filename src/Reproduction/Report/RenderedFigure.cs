namespace StrassenRepro.Reproduction.Report;

/// <summary>A figure drawn as PNG bytes, and how many of its points could not be drawn.</summary>
public sealed record RenderedFigure(byte[] Png, int SkippedPoints);
