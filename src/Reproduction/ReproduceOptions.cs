using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;
using StrassenRepro.Reproduction.Upstream.Traces;

namespace StrassenRepro.Reproduction;

/// <summary>What `reproduce` was asked to do.</summary>
public sealed record ReproduceOptions
{
    public required StudyPreset Preset { get; init; }
    public required IReadOnlyList<IClaim> Claims { get; init; }
    public required string OutDir { get; init; }
    public Shard Shard { get; init; } = Shard.Whole;
    public bool Resume { get; init; }
    public int Threads { get; init; }
    public EngineChoice Engine { get; init; } = EngineChoice.Cpu;

    /// <summary>Checkpoint files and folders to judge for claim C7 (optional).</summary>
    public CheckpointInputs Checkpoints { get; init; } = CheckpointInputs.None;
}
