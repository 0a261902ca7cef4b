namespace StrassenRepro.Reproduction.Store;

/// <summary>A run store that cannot be opened, read or written: bad input for the command line (exit code 2).</summary>
public class RunStoreException(string message) : ReproductionException(message);
