using StrassenRepro.Crystallization.RandomStreams;
namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The accuracy of experiments/extended_experiments/validate2.py (GrokkingVerifier.verify :360-370 and the balanced
/// runs' final evaluation :1073-1078): the percentage of fresh N(0,1) pairs whose largest entry error, float32, is
/// below 1e-3 (ExperimentConfig.accuracy_threshold). Not rounded, not relative.
/// </summary>
public static class Validate2Accuracy
{
    public const double ErrorBelow = 1e-3;

    /// <summary>Percentage (0..100) of `pairs` fresh pairs with max |C_pred - C_true| &lt; 1e-3.</summary>
    public static double Percent(Float32Scheme scheme, int pairs, GaussianSource rng)
    {
        Span<float> a = stackalloc float[4], b = stackalloc float[4], c = stackalloc float[4], t = stackalloc float[4];
        int ok = 0;
        for (int p = 0; p < pairs; p++)
        {
            Float32Check.Draw(rng, a, b);
            scheme.Apply(a, b, c);
            Float32Scheme.Product(a, b, t);
            float worst = 0;
            for (int z = 0; z < 4; z++) worst = MathF.Max(worst, MathF.Abs(c[z] - t[z]));
            if (worst < ErrorBelow) ok++;
        }
        return 100.0 * ok / pairs;
    }
}
