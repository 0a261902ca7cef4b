using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// Largest entry errors of a float32 scheme over a set of random pairs: max |C_pred - C_true| over every entry of every
/// pair, and max |C_true|, the two numbers the scripts' success tests are built from.
/// </summary>
public readonly record struct Float32Errors(double MaxAbsError, double MaxAbsTruth)
{
    /// <summary>
    /// The scripts' relative error, max |C_pred - C_true| / (max |C_true| + 1e-10) (apendix_experiments.py:141,
    /// verify_checkpoints.py:84).
    /// </summary>
    public double Relative => MaxAbsError / (MaxAbsTruth + 1e-10);
}
