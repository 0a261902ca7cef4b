namespace StrassenRepro.Reproduction;

/// <summary>
/// Something the user must fix before reproduce, report or merge can go on (a store, an output folder, a report
/// that could not be written): one line that names the problem, exit code 2 on the command line.
/// </summary>
public class ReproductionException(string message) : Exception(message);
