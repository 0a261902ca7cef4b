namespace StrassenRepro.Reproduction.Report;

/// <summary>A tick on the X axis at a drawing coordinate.</summary>
public sealed record CategoryTick(double Position, string Label);
