using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// What src/training/train_strassen.py says about one run. LearnedPasses: Q of all slots (the pruned one at 0,
/// :183-208) multiplies 10000 fresh float32 pairs with max |C_pred - C_true| &lt; 1e-5 (:260-296), no delta gate.
/// FallbackPasses: canonical Strassen passes the same test; the script then replaces the failed run's coefficients by
/// it and overwrites its success (:318-323), so what it reports, ScriptReports, is a success whenever either passes.
/// </summary>
public sealed record TrainStrassenVerdict(double MaxError, bool LearnedPasses, bool FallbackPasses)
{
    public bool ScriptReports => LearnedPasses || FallbackPasses;

    /// <summary>Reported only thanks to the fallback: a failure by claims.md, a success by the script.</summary>
    public bool OnlyByFallback => !LearnedPasses && FallbackPasses;
}
