using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>The two curves of the paper's grokking figure, as the script writes them.</summary>
public sealed record SyntheticGrokking(int GrokEpoch, double[] TrainSuccess, double[] TestSuccess,
    double[] TrainFailure,
    double[] TestFailure)
{
    /// <summary>The successful run's curves as curve points (one per epoch), for our grokking detector.</summary>
    public IReadOnlyList<CurvePoint> SuccessCurve() =>
        TrainSuccess.Select((train, i) => new CurvePoint(i + 1, 1, train, TestSuccess[i], 0, 0)).ToList();
}
