namespace StrassenRepro.Reproduction.Origins;

/// <summary>
/// Whether a paper's number is explained by the upstream script that computes it, decided from data like a verdict:
/// Traced when our re-execution of that script gives the number (within sampling error, or exactly where the script is
/// deterministic), NotTraced when it does not, NoScript when no upstream script computes the number at all.
/// </summary>
public enum Explained
{
    Traced,
    NotTraced,
    NoScript,
}
