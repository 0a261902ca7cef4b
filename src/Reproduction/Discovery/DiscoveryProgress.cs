namespace StrassenRepro.Reproduction.Discovery;

/// <summary>Where a discovery stands: runs finished, of them exact, distinct schemes so far, time and CPU time used.</summary>
public readonly record struct DiscoveryProgress(int Runs, int Exact, int Distinct, TimeSpan Elapsed, TimeSpan CpuTime)
{
    /// <summary>Exact schemes per minute of wall-clock time.</summary>
    public double ExactPerMinute => Elapsed.TotalMinutes > 0 ? Exact / Elapsed.TotalMinutes : 0;

    public string Line() =>
        $"strassen-repro: discover: {Runs} runs, {Exact} exact ({Distinct} distinct), {ExactPerMinute:F1} exact per minute, "
        + $"elapsed {Elapsed:hh\\:mm\\:ss}, CPU {CpuTime.TotalMinutes:F1} min";
}
