using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// S as experiments/apendix_experiments.py (:100-151) and experiments/verify_checkpoints.py (:51-86, :152-163) decide
/// it: delta = max |theta - Q(theta)| over every coefficient of every slot; S = 0 without a check when delta &gt;= 0.1;
/// otherwise Q(theta) multiplies 1000 fresh float32 pairs and S = 1 iff max |C_pred - C_true| / (max |C_true| + 1e-10)
/// &lt; 1e-5. Errors is null when the gate stopped the check.
/// </summary>
public sealed record DeltaGatedVerdict(double Delta, Float32Errors? Errors)
{
    public bool PassedGate => Errors is not null;

    public bool Success => Errors is { } e && e.Relative < DeltaGatedSuccess.RelativeErrorBelow;
}
