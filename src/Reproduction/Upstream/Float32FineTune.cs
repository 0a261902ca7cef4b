using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The fine-tune of validate2.py's pruning (IterativePruningEngine.fine_tune, :457-508), in float32 on a scheme's flat
/// weights (U, V, W, the model's parameter order), updated in place: a new AdamW (lr 0.005 = finetune_lr, weight decay
/// 1e-4, PyTorch's betas and eps) with CosineAnnealingLR(T_max = 200); 200 steps, each on a fresh N(0,1) batch of 256
/// with the mean squared error over batch x 4; no mask, so pruned weights receive gradients and grow back; no clipping.
/// </summary>
public static class Float32FineTune
{
    public const int Steps = 200, BatchSize = 256;
    public const float Lr = 0.005f, WeightDecay = 1e-4f, Beta1 = 0.9f, Beta2 = 0.999f, Eps = 1e-8f;

    public static void Run(Float32Scheme scheme, GaussianSource rng)
    {
        var weights = scheme.Weights;
        var m = new float[weights.Length];
        var v = new float[weights.Length];
        var g = new float[weights.Length];
        for (int step = 0; step < Steps; step++)
        {
            // CosineAnnealingLR, eta_min 0, stepped after the optimizer: step k uses lr (1 + cos(pi k / T_max)) / 2.
            float lr = (float)(Lr * (1 + Math.Cos(Math.PI * step / Steps)) / 2);
            Gradient(scheme, rng, g);
            float bias1 = 1 - MathF.Pow(Beta1, step + 1), bias2 = 1 - MathF.Pow(Beta2, step + 1);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] *= 1 - lr * WeightDecay;
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                float denom = MathF.Sqrt(v[i]) / MathF.Sqrt(bias2) + Eps;
                weights[i] -= lr / bias1 * m[i] / denom;
            }
        }
    }

    /// <summary>Gradient of the batch's mean squared error (over B x 4 entries) with respect to U, V, W.</summary>
    private static void Gradient(Float32Scheme scheme, GaussianSource rng, float[] g)
    {
        Array.Clear(g);
        Span<float> a = stackalloc float[4], b = stackalloc float[4];
        for (int s = 0; s < BatchSize; s++)
        {
            Float32Check.Draw(rng, a, b);
            Float32Gradient.Accumulate(scheme, a, b, 2f / (4 * BatchSize), g);
        }
    }
}
