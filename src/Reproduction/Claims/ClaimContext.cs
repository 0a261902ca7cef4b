using StrassenRepro.Model;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>The stored runs a claim is evaluated on, looked up by configuration hash.</summary>
public sealed class ClaimContext(StudyPreset preset, IReadOnlyDictionary<string, RunRecord> runs,
    CheckpointInputs? checkpoints = null)
{
    public StudyPreset Preset { get; } = preset;

    /// <summary>Checkpoint files to judge (claim C7), when given.</summary>
    public CheckpointInputs Checkpoints { get; } = checkpoints ?? CheckpointInputs.None;

    /// <summary>The stored runs among the given configurations, in their order; missing ones are skipped.</summary>
    public IReadOnlyList<RunRecord> Find(IEnumerable<RunConfig> configs) =>
        configs.Select(c => runs.TryGetValue(c.Hash(), out var r) ? r : null).OfType<RunRecord>().ToList();

    public int Missing(IEnumerable<RunConfig> configs) => configs.Count(c => !runs.ContainsKey(c.Hash()));
}
