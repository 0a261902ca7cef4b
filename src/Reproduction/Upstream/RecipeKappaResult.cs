using MathNet.Numerics.LinearAlgebra;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>kappa by the recipe, with what it was computed from.</summary>
public sealed record RecipeKappaResult(int Gradients, int Dimension, int Kept, double LambdaMax, double LambdaMin,
    double Kappa, RecipeKappaCase Case)
{
    /// <summary>Prints as "1.000" with three decimals, as the paper shows a success's kappa.</summary>
    public bool PrintsAsOne => Math.Abs(Kappa - 1) < 5e-4;
}
