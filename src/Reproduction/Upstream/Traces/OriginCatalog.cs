using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>Where each claim's numbers come from, one trace per claim id (C1..C12).</summary>
public static class OriginCatalog
{
    public static IReadOnlyList<IOriginTrace> All { get; } =
    [
        new C1SuccessOrigin(), new C2AnovaOrigin(), new C3PhaseOneOrigin(), new C4NoiseOrigin(), new C5TransferOrigin(),
        new C6FailuresOrigin(), new C7CheckpointsOrigin(), new C8KappaOrigin(), new C9CacheOrigin(),
            new C10FailureOrigin(),
        new C11GrokkingOrigin(), new C12PruningOrigin(),
    ];

    public static IOriginTrace For(string claimId) => All.Single(t => t.ClaimId == claimId);

    /// <summary>The re-executions the given claims need.</summary>
    public static IEnumerable<RunConfig> Plan(IEnumerable<IClaim> claims, StudyPreset preset) =>
        claims.SelectMany(c => For(c.Id).Plan(preset));
}
