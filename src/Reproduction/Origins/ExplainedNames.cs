namespace StrassenRepro.Reproduction.Origins;

/// <summary>The values as the report and summary.json write them.</summary>
public static class ExplainedNames
{
    public static string ToWire(this Explained e) => e switch
    {
        Explained.Traced => "traced",
        Explained.NotTraced => "not traced",
        _ => "no script",
    };

    /// <summary>
    /// The one rule for a number that has a script: traced iff the re-execution agrees with the paper. Without a script
    /// there is nothing to re-execute, whatever the data say.
    /// </summary>
    public static Explained Decide(bool hasScript, bool agrees) =>
        !hasScript ? Explained.NoScript : agrees ? Explained.Traced : Explained.NotTraced;
}
