namespace StrassenRepro.Reproduction;

/// <summary>A file to be written whose folder is missing or takes no file, or whose path is a folder.</summary>
public sealed class OutputFileException(string message) : ReproductionException(message);
