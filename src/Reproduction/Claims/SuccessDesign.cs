using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// The C1/C2 design, shared by the claims judged on the same runs (C1, C2, C4, C5, C6, C12): for each block of the
/// preset's SuccessDesign, seeds FirstSeed.. at its batch size, the full two-phase protocol.
/// </summary>
public static class SuccessDesign
{
    public static IEnumerable<RunConfig> Runs(StudyPreset preset) =>
        preset.SuccessDesign.SelectMany(block => Enumerable.Range(block.FirstSeed, block.Seeds)
            .Select(seed => preset.Run(seed, block.BatchSize)));
}
