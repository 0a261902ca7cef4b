using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// experiments/validation_experiments.py:125-159 on a given scheme: per sigma and trial, one fresh N(0,1) pair, then
/// Q(scheme + sigma N(0,1)) on every coefficient of U, V and W (round, then clamp), then the relative Frobenius error
/// of the product; success iff it is below 1e-5. Rounding undoes any noise below 0.5 per coefficient, so for sigma up
/// to 0.1 every trial evaluates the scheme itself: its own error decides the table, not the noise.
/// </summary>
public static class NoiseStabilityTest
{
    /// <summary>validation_experiments.py:131.</summary>
    public static readonly IReadOnlyList<double> Sigmas = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1];

    /// <summary>validation_experiments.py:132.</summary>
    public const int Trials = 100;

    /// <summary>validation_experiments.py:151.</summary>
    public const double ErrorBelow = 1e-5;

    public static IReadOnlyList<NoiseLevelResult> Run(Scheme scheme, GaussianSource rng, int trials = Trials) =>
        Sigmas.Select(sigma => Level(scheme, sigma, trials, rng)).ToList();

    public static NoiseLevelResult Level(Scheme scheme, double sigma, int trials, GaussianSource rng)
    {
        Span<float> a = stackalloc float[4], b = stackalloc float[4];
        int successes = 0;
        double sum = 0, max = 0;
        for (int t = 0; t < trials; t++)
        {
            // The script draws the pair first, then the noise (:138-145).
            Float32Check.Draw(rng, a, b);
            var noisy = Discretizer.Q(scheme.Map(x => (double)(float)(x + sigma * rng.NextGaussian())));
            double error = Float32Check.FrobeniusRelative(new Float32Scheme(noisy), a, b);
            if (error < ErrorBelow) successes++;
            sum += error;
            max = Math.Max(max, error);
        }
        return new NoiseLevelResult(sigma, trials, successes, sum / trials, max);
    }
}
