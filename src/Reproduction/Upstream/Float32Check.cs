using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The scripts' float32 check of a scheme on random N(0,1) pairs (torch.randn, float32). Our pairs come from our own
/// stream: PyTorch's cannot be reproduced bit for bit, so re-executions match the distribution, not the draws.
/// </summary>
public static class Float32Check
{
    /// <summary>One pair (A, B) of 2x2 N(0,1) matrices rounded to float32, row-major.</summary>
    public static void Draw(GaussianSource rng, Span<float> a, Span<float> b)
    {
        for (int i = 0; i < 4; i++) a[i] = (float)rng.NextGaussian();
        for (int i = 0; i < 4; i++) b[i] = (float)rng.NextGaussian();
    }

    public static Float32Errors OnRandomPairs(Scheme s, int pairs, GaussianSource rng) =>
        OnRandomPairs(new Float32Scheme(s), pairs, rng);

    public static Float32Errors OnRandomPairs(Float32Scheme s, int pairs, GaussianSource rng)
    {
        Span<float> a = stackalloc float[4], b = stackalloc float[4], c = stackalloc float[4], t = stackalloc float[4];
        double maxError = 0, maxTruth = 0;
        for (int p = 0; p < pairs; p++)
        {
            Draw(rng, a, b);
            s.Apply(a, b, c);
            Float32Scheme.Product(a, b, t);
            for (int z = 0; z < 4; z++)
            {
                maxError = Math.Max(maxError, Math.Abs(c[z] - t[z]));
                maxTruth = Math.Max(maxTruth, Math.Abs(t[z]));
            }
        }
        return new Float32Errors(maxError, maxTruth);
    }

    /// <summary>
    /// ||C_pred - C_true||_F / ||C_true||_F for one pair (validation_experiments.py:106, :148), float32.
    /// </summary>
    public static double FrobeniusRelative(Float32Scheme s, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Span<float> c = stackalloc float[4], t = stackalloc float[4];
        s.Apply(a, b, c);
        Float32Scheme.Product(a, b, t);
        float diff = 0, norm = 0;
        for (int z = 0; z < 4; z++)
        {
            diff += (c[z] - t[z]) * (c[z] - t[z]);
            norm += t[z] * t[z];
        }
        return MathF.Sqrt(diff) / MathF.Sqrt(norm);
    }
}
