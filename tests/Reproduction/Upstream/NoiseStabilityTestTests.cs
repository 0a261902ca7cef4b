using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validation_experiments.py's noise test (:125-159). Its table (experiments/validation_results.json, noise_stability):
/// success_rate 0.0 at sigma 0.001, 0.005, 0.01, 0.02, 0.05 and 0.1; mean_error 0.443 ... 0.668.
/// </summary>
[Trait("Category", "Fast")]
public class NoiseStabilityTestTests
{
    // experiments/validation_results.json, noise_stability.<sigma>.success_rate and .mean_error.
    private static readonly double[] UpstreamMeanError = [0.4433, 0.6387, 0.6679, 0.5417, 0.6178, 0.6159];

    [Fact]
    public void The_upstream_constant_gives_the_upstream_table_0_percent_at_every_sigma()
    {
        var table = NoiseStabilityTest.Run(ValidationConstant.Scheme(), new GaussianSource(125));
        table.Select(r => r.Sigma).Should().Equal(0.001, 0.005, 0.01, 0.02, 0.05, 0.1);
        table.Should().OnlyContain(r => r.Trials == 100 && r.Successes == 0);
        // The error is the constant's own, the same distribution at every sigma: the script's means lie in its range.
        table.Should().OnlyContain(r => r.MeanError > 0.3 && r.MeanError < 1.0);
        UpstreamMeanError.Should().OnlyContain(m => m > 0.3 && m < 1.0);
    }

    [Fact]
    public void Strassen_itself_passes_every_trial_at_every_sigma()
    {
        var table = NoiseStabilityTest.Run(KnownSchemes.Strassen(), new GaussianSource(125));
        table.Should().OnlyContain(r => r.Successes == r.Trials && r.MaxError < NoiseStabilityTest.ErrorBelow);
        table[0].SuccessRate.Should().Be(1);
    }

    [Fact]
    public void Noise_of_half_a_unit_breaks_the_rounding_and_the_success()
    {
        var level = NoiseStabilityTest.Level(KnownSchemes.Strassen(), 0.5, 50, new GaussianSource(1));
        level.Successes.Should().BeLessThan(5, "84 coefficients each flip with probability 0.32 at sigma = 0.5");
    }
}
