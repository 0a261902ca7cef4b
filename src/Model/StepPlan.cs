namespace StrassenRepro.Model;

/// <summary>
/// Everything one optimizer step of a population needs, per run where runs may differ. Order inside the step:
/// scale slots by DecayFactors, fill the batch, gradients, zero the masked gradients, clip, Adam(W) step, set the
/// ZeroAfter slots to +0.
/// </summary>
public sealed class StepPlan
{
    /// <summary>Rows of this step's batch (the same for every run).</summary>
    public required int Rows { get; init; }
    /// <summary>Fills one run's batch (Rows x 12 floats) from that run's own stream.</summary>
    public required Action<int, Span<float>> Fill { get; init; }
    public required double[] Lr { get; init; }
    public required double[] WeightDecay { get; init; }
    public required double Beta1 { get; init; }
    public required double Beta2 { get; init; }
    public required double Eps { get; init; }
    public double? ClipNorm { get; init; }
    /// <summary>[P x R] multipliers applied to whole slots before the forward pass; null = none.</summary>
    public float[]? DecayFactors { get; init; }
    /// <summary>[P x R]: true = that slot's gradients are set to 0; null = none.</summary>
    public bool[]? ZeroGradients { get; init; }
    /// <summary>[P x R]: true = that slot is set to +0 after the update; null = none.</summary>
    public bool[]? ZeroAfter { get; init; }
    /// <summary>When true the engine returns each run's batch loss (mean squared error, in double).</summary>
    public bool WantLoss { get; init; }
}

/// <summary>A population of runs that can take optimizer steps; parameters exchanged as [3, P, R, 4] (U, V, Wt).</summary>
public interface IPopulationEngine : IDisposable
{
    int Size { get; }
    int Slots { get; }
    void ResetOptimizer();
    /// <summary>Takes one step; returns per-run batch losses when plan.WantLoss, else null.</summary>
    double[]? Step(StepPlan plan);
    float[] Snapshot();
    void Restore(float[] snapshot, bool[] keep);
}

public enum EngineKind
{
    /// <summary>Hand-written SIMD C#: each run's step in one pass over its own data (the fast default).</summary>
    Cpu,
    /// <summary>TorchSharp: [P, R, 4] tensors and bmm over the run axis (the reference batched program).</summary>
    Torch,
}
