using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One noise level of the test: trials, successes, and the mean and largest relative error.</summary>
public sealed record NoiseLevelResult(double Sigma, int Trials, int Successes, double MeanError, double MaxError)
{
    public double SuccessRate => Successes / (double)Trials;
}
