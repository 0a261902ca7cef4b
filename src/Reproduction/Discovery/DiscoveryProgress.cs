namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// Where a discovery stands: runs finished, of them exact, distinct schemes so far, time and CPU time used; at the
/// end, Classifying while the distinct schemes are put in orbit classes, then Orbits once they are.
/// </summary>
public readonly record struct DiscoveryProgress(int Runs, int Exact, int Distinct, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public bool Classifying { get; init; }
    public DiscoveryOrbits? Orbits { get; init; }

    /// <summary>Exact schemes per minute of wall-clock time.</summary>
    public double ExactPerMinute => Elapsed.TotalMinutes > 0 ? Exact / Elapsed.TotalMinutes : 0;

    private string Schemes => $"{Distinct} distinct scheme{(Distinct == 1 ? "" : "s")}";

    public string Line() => Orbits is { } o
        ? $"strassen-repro: discover: {Schemes} in {o.Classes.Count} orbit class{(o.Classes.Count == 1 ? "" : "es")} ({o.Undecided} undecided), "
          + $"classified in {o.Elapsed.TotalSeconds:F1} s"
        : Classifying
        ? $"strassen-repro: discover: classifying {Schemes} into orbit classes (once, at the end)"
        : $"strassen-repro: discover: {Runs} runs, {Exact} exact ({Distinct} distinct), {ExactPerMinute:F1} exact per minute, "
          + $"elapsed {Elapsed:hh\\:mm\\:ss}, CPU {CpuTime.TotalMinutes:F1} min";
}
