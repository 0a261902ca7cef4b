using MathNet.Numerics.LinearAlgebra;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>Which branch of the recipe produced kappa.</summary>
public enum RecipeKappaCase
{
    /// <summary>n_samples // B = 0 minibatches (B &gt; 64): no gradient, kappa = inf (:160-161).</summary>
    NoGradients,
    /// <summary>
    /// Fewer than 2 eigenvalues above 1e-6, e.g. one gradient (B = 64): the covariance is the ridge alone, every
    /// eigenvalue equals float32(1e-6), none is strictly above it; kappa = inf (:183-186).
    /// </summary>
    BelowRidge,
    /// <summary>lambda_max / lambda_min &gt;= 1e6: kappa is the cap, printed 1000000.0 (:192).</summary>
    Capped,
    /// <summary>
    /// lambda_max / lambda_min below the cap; lambda_min is the ridge: kappa is about 1 + 1e6 lambda_max.
    /// </summary>
    Ratio,
}
