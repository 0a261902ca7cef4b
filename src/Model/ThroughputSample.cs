namespace StrassenRepro.Model;

/// <summary>
/// One throughput measurement: P runs x steps optimizer steps of Phase 1; wall-clock seconds of the whole call and of
/// the optimizer steps alone (without set-up and hand-off, which grow with P but not with the steps), and process
/// CPU seconds.
/// </summary>
public sealed record ThroughputSample(int Population, int BatchSize, int Steps, double Seconds, double CpuSeconds, double StepSeconds)
{
    public double RunStepsPerSecond => Population * (double)Steps / Seconds;

    /// <summary>Run-steps per second of the optimizer steps alone: the engine's own rate.</summary>
    public double StepRunStepsPerSecond => Population * (double)Steps / StepSeconds;

    /// <summary>Run-steps per CPU-second of this process: less sensitive to other processes on a shared machine.</summary>
    public double RunStepsPerCpuSecond => Population * (double)Steps / CpuSeconds;
}
