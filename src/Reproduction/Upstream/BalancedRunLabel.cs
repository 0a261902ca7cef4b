using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>A balanced run's label and ROC score as validate2.py decides them.</summary>
public sealed record BalancedRunLabel(double Accuracy)
{
    /// <summary>validate2.py:1082: grokked iff the final accuracy is at least 99.9%.</summary>
    public bool Grokked => Accuracy >= BalancedRuns.GrokkedFromPercent;

    /// <summary>validate2.py:1084-1085: the ROC score is the same accuracy, over 100.</summary>
    public double Score => Accuracy / 100;
}
