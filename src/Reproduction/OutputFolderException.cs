namespace StrassenRepro.Reproduction;

/// <summary>An output folder that cannot be created or written.</summary>
public sealed class OutputFolderException(string message) : ReproductionException(message);
