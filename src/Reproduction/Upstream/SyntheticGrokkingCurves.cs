using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// experiments/validation_experiments.py:184-247 ("simulate_grokking_dynamics"), the source of the paper's grokking
/// figure (B = 32 groks at epoch 450, B = 512 never): no training at all. The "successful run" is exp(-linspace(0, 8,
/// 1000)) + 1e-7 plus N(0, 1e-8^2) for the train loss and 0.5 until the hard-coded grok_point = 450 (:196), then 0.5
/// exp(-linspace(0, 6, 550)) + 1e-6, plus |N(0, 1e-7^2)|, for the test loss; the "failed run" is exp(-linspace(0, 5,
/// 1000)) + 1e-5 and 0.3 + N(0, 0.02^2) clipped to [0.1, 0.5]. The script seeds NumPy with 42; our noise comes from our
/// own stream (it moves the curves by about 1e-8, the noise scale).
/// </summary>
public static class SyntheticGrokkingCurves
{
    public const int Epochs = 1000;

    /// <summary>validation_experiments.py:196.</summary>
    public const int GrokPoint = 450;

    public static SyntheticGrokking Generate(GaussianSource rng)
    {
        var trainSuccess = Linspace(0, 8, Epochs).Select(x => Math.Exp(-x) + 1e-7).ToArray();
        var testSuccess = Enumerable.Repeat(0.5, Epochs).ToArray();
        var drop = Linspace(0, 6, Epochs - GrokPoint);
        for (int i = GrokPoint; i < Epochs; i++) testSuccess[i] = Math.Exp(-drop[i - GrokPoint]) * 0.5 + 1e-6;
        for (int i = 0; i < Epochs; i++) trainSuccess[i] += rng.NextGaussian() * 1e-8;
        for (int i = 0; i < Epochs; i++) testSuccess[i] += Math.Abs(rng.NextGaussian()) * 1e-7;
        var trainFailure = Linspace(0, 5, Epochs).Select(x => Math.Exp(-x) + 1e-5).ToArray();
        var testFailure = Enumerable.Range(0, Epochs).Select(_ => Math.Clamp(0.3 + rng.NextGaussian() * 0.02, 0.1, 0.5))
            .ToArray();
        return new SyntheticGrokking(GrokPoint, trainSuccess, testSuccess, trainFailure, testFailure);
    }

    /// <summary>numpy.linspace(start, stop, n): n evenly spaced values, both ends included.</summary>
    public static double[] Linspace(double start, double stop, int n) =>
        Enumerable.Range(0, n).Select(i => start + (stop - start) * i / (n - 1)).ToArray();
}
