using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>One claim of the paper: the runs it needs under a preset, and its evaluation from stored runs.</summary>
public interface IClaim
{
    /// <summary>C1..C12.</summary>
    string Id { get; }

    string Title { get; }

    /// <summary>The runs this claim needs (may overlap other claims' runs: the store keeps each once).</summary>
    IEnumerable<RunConfig> Plan(StudyPreset preset);

    ClaimResult Evaluate(ClaimContext context);
}
