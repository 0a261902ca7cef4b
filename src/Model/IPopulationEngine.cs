namespace StrassenRepro.Model;

/// <summary>A population of runs that can take optimizer steps; parameters exchanged in SnapshotLayout's order (U, V, Wt blocks).</summary>
public interface IPopulationEngine : IDisposable
{
    int Size { get; }
    int Slots { get; }
    void ResetOptimizer();
    /// <summary>Takes one step; returns per-run batch losses when plan.WantLoss, else null.</summary>
    double[]? Step(StepPlan plan);
    float[] Snapshot();
    void Restore(float[] snapshot, bool[] keep);
    /// <summary>Returns when every step asked for has been taken (engines that queue work on a device).</summary>
    void Synchronize() { }
}
