using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// Where one claim's numbers come from: the runs that re-execute the upstream scripts behind them (under a preset), and
/// the trace computed from the stored runs, like a verdict.
/// </summary>
public interface IOriginTrace
{
    /// <summary>C1..C12.</summary>
    string ClaimId { get; }

    /// <summary>
    /// The runs the re-execution needs (the store keeps each once, whoever plans it); none for the scripts that train
    /// nothing (they re-execute on fixed coefficients, logs or arithmetic).
    /// </summary>
    IEnumerable<RunConfig> Plan(StudyPreset preset) => [];

    OriginEvidence Trace(ClaimContext context);
}
