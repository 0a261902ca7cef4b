using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>
/// What tracing a claim's numbers adds to its section: where they come from, and the tables behind that.
/// </summary>
public sealed record OriginEvidence(ClaimOrigin Origin, IReadOnlyList<ReportTable> Tables, IReadOnlyList<string> Notes);
