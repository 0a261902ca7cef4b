using MathNet.Numerics.LinearAlgebra;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// kappa as experiments/extended_experiments/run_all_experiments.py computes it (compute_gradient_covariance_safe,
/// :135-202), in float32 as the script does: n = n_samples // B gradients (:144), each of the SUMMED squared error of a
/// fresh N(0,1) batch of B pairs (:149), flattened in the order U, V, W (:152-155); centred, Sigma = Gc^T Gc / (n - 1 +
/// 1e-6) (:166-170); Sigma += 1e-6 I (:173-174); eigenvalues of the float32 matrix, those strictly above 1e-6 kept
/// (:179-183); fewer than 2 kept gives inf (:185-186); kappa = min(lambda_max / lambda_min, 1e6) when lambda_min &gt;
/// 1e-8, else inf (:192). Consequences: n &lt;= 8 gradients of 84 or 96 parameters span at most 7 directions, so
/// lambda_min is always the ridge (1e-6 plus an ulp); kappa is then about 1 + 1e6 lambda_max(Gc^T Gc / (n-1)): "1.000"
/// when the gradients are float32 rounding noise (a zero-loss model), the cap 1e6 once lambda_max reaches 1. 999999 is
/// not among its values.
/// </summary>
public static class RecipeKappa
{
    /// <summary>run_all_experiments.py:135, :260 (n_samples = 64).</summary>
    public const int Samples = 64;

    /// <summary>run_all_experiments.py:173 (the ridge) and :183 (the cut), both 1e-6.</summary>
    public const float Ridge = 1e-6f;

    /// <summary>run_all_experiments.py:192.</summary>
    public const float Cap = 1e6f;

    /// <summary>run_all_experiments.py:192: below this lambda_min kappa is inf.</summary>
    public const float MinimumLambda = 1e-8f;

    /// <summary>The batch sizes of the script's experiment 1 (:253).</summary>
    public static readonly IReadOnlyList<int> BatchSizes = [8, 16, 24, 32, 64];

    /// <summary>The recipe on a scheme (every slot, as the script loads a checkpoint) at batch size B.</summary>
    public static RecipeKappaResult Measure(Scheme scheme, int batchSize, GaussianSource rng, int samples = Samples)
    {
        int n = samples / batchSize;
        var f32 = new Float32Scheme(scheme);
        int d = f32.Weights.Length;
        var grads = new float[n, d];
        var row = new float[d];
        for (int i = 0; i < n; i++)
        {
            SummedLossGradient(f32, batchSize, rng, row);
            for (int k = 0; k < d; k++) grads[i, k] = row[k];
        }
        return FromGradients(grads);
    }

    /// <summary>The recipe from the gradient rows (n x d), every step in float32.</summary>
    public static RecipeKappaResult FromGradients(float[,] gradients)
    {
        int n = gradients.GetLength(0), d = gradients.GetLength(1);
        if (n == 0) return new RecipeKappaResult(0, d, 0, 0, 0, double.PositiveInfinity, RecipeKappaCase.NoGradients);
        var mean = new float[d];
        for (int k = 0; k < d; k++)
        {
            float s = 0;
            for (int i = 0; i < n; i++) s += gradients[i, k];
            mean[k] = s / n;
        }
        var centred = Matrix<float>.Build.Dense(n, d, (i, k) => gradients[i, k] - mean[k]);
        float divisor = (float)(n - 1 + 1e-6);
        var covariance = centred.TransposeThisAndMultiply(centred).Divide(divisor)
            + Matrix<float>.Build.DenseDiagonal(d, d, Ridge);
        var kept = covariance.Evd(Symmetricity.Symmetric).EigenValues
            .Select(c => (float)c.Real).Where(l => l > Ridge).Order().ToArray();
        if (kept.Length < 2) return new RecipeKappaResult(n, d, kept.Length, 0, 0, double.PositiveInfinity,
            RecipeKappaCase.BelowRidge);
        float min = kept[0], max = kept[^1];
        if (!(min > MinimumLambda))
            return new RecipeKappaResult(n, d, kept.Length, max, min, double.PositiveInfinity,
                RecipeKappaCase.BelowRidge);
        float ratio = max / min;
        return ratio >= Cap
            ? new RecipeKappaResult(n, d, kept.Length, max, min, Cap, RecipeKappaCase.Capped)
            : new RecipeKappaResult(n, d, kept.Length, max, min, ratio, RecipeKappaCase.Ratio);
    }

    /// <summary>
    /// The gradient of sum over a fresh batch of sum_z (c_z - t_z)^2 (F.mse_loss with reduction='sum') with respect to
    /// U, V, W, flattened in that order, float32 throughout.
    /// </summary>
    public static void SummedLossGradient(Float32Scheme scheme, int batchSize, GaussianSource rng, Span<float> gradient)
    {
        gradient.Clear();
        Span<float> a = stackalloc float[4], b = stackalloc float[4];
        for (int s = 0; s < batchSize; s++)
        {
            Float32Check.Draw(rng, a, b);
            Float32Gradient.Accumulate(scheme, a, b, 2, gradient);
        }
    }
}
