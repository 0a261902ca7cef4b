using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>The claims the harness evaluates, in id order.</summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> All { get; } =
    [
        new ClaimC1SuccessRate(), new ClaimC2BatchSize(), new ClaimC3PhaseOneAlone(), new ClaimC4Noise(),
        new ClaimC5Transfer(), new ClaimC6Failures(), new ClaimC7Checkpoints(), new ClaimC8Kappa(),
        new ClaimC9Memory(), new ClaimC10FailureAnalysis(), new ClaimC11Grokking(), new ClaimC12Pruning(),
    ];

    public static readonly IReadOnlyList<string> AllIds = Enumerable.Range(1, 12).Select(i => $"C{i}").ToList();

    /// <summary>The claims named (C1,C4,...), or all; throws for an id that is not C1..C12.</summary>
    public static IReadOnlyList<IClaim> Select(string? ids)
    {
        if (string.IsNullOrWhiteSpace(ids)) return All;
        var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToList();
        foreach (var id in wanted)
            if (!AllIds.Contains(id)) throw new ArgumentException($"--claims: '{id}' is not a claim id (C1..C12)");
        return All.Where(c => wanted.Contains(c.Id)).ToList();
    }

    public static IEnumerable<RunConfig> Plan(IEnumerable<IClaim> claims, StudyPreset preset) => claims.SelectMany(c => c.Plan(preset));
}
