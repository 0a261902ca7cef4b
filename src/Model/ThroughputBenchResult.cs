namespace StrassenRepro.Model;

/// <summary>
/// The samples of one `bench train-throughput`: the population, and in the same process the cpu engine's fallbacks
/// (null where not measured), a single run, and one run through libtorch (the overhead-bound baseline; null for the gpu
/// engine and a build without libtorch). Every number is a timing: it differs from one invocation to the next.
/// </summary>
public sealed record ThroughputBenchResult(
    ThroughputBenchOptions Options,
    ThroughputSample Population,
    ThroughputSample? ScalarNormals,
    ThroughputSample? GeneralPath,
    ThroughputSample Single,
    ThroughputSample? TorchSingle,
    string LoadAverage)
{
    public double? VectorOverScalarNormals => Population.RunStepsPerCpuSecond / ScalarNormals?.RunStepsPerCpuSecond;
    public double? SpecialisedOverGeneralPath => Population.RunStepsPerCpuSecond / GeneralPath?.RunStepsPerCpuSecond;
    public double Ratio => Population.RunStepsPerSecond / Single.RunStepsPerSecond;
    public double? RatioToTorchSingle => Population.RunStepsPerSecond / TorchSingle?.RunStepsPerSecond;
}
