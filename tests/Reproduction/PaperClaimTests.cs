using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>
/// The paper's preset, run once (stored and resumable under artifacts/reproduction-tests) and shared by the
/// claim tests below. Minutes on 2 cores, so Category=Reproduction, not Fast.
/// </summary>
public sealed class PaperSweepFixture
{
    public IReadOnlyDictionary<string, ClaimResult> Results { get; }

    public PaperSweepFixture()
    {
        var dir = Path.Combine(RepoPaths.Root, "artifacts", "reproduction-tests");
        Results = Reproducer.Run(new ReproduceOptions
        {
            Preset = StudyPreset.Paper,
            Claims = ClaimCatalog.All,
            OutDir = dir,
            Resume = true,
        }).Claims.ToDictionary(r => r.Id);
    }
}

/// <summary>One test per claim: it asserts the paper's claim by the claim's own rule; red means "not reproduced".</summary>
[Trait("Category", "Reproduction")]
public class PaperClaimTests(PaperSweepFixture sweep) : IClassFixture<PaperSweepFixture>
{
    private void Claim(string id)
    {
        var r = sweep.Results[id];
        r.Verdict.Should().Be(Verdict.Reproduced, $"{id} ({r.Title}): the paper says {r.PaperSays}; we measured {r.WeMeasured}; rule: {r.Rule}");
    }

    [Fact] public void C1_the_protocol_succeeds_in_68_percent_of_runs() => Claim("C1");
    [Fact] public void C2_batch_size_controls_success() => Claim("C2");
    [Fact] public void C3_phase_1_alone_gives_0_percent_success() => Claim("C3");
    [Fact] public void C4_noise_of_0_001_and_more_gives_0_percent_success() => Claim("C4");
    [Fact] public void C5_transfer_to_64x64_matches_the_papers_table() => Claim("C5");
    [Fact] public void C6_failed_runs_are_not_Strassen() => Claim("C6");
    [Fact] public void C7_pre_trained_checkpoints_are_exact() => Claim("C7");
    [Fact] public void C8_kappa_separates_success_from_failure() => Claim("C8");
    [Fact] public void C9_even_batch_1024_fits_in_L3() => Claim("C9");
    [Fact] public void C10_half_the_runs_at_batch_32_succeed() => Claim("C10");
    [Fact] public void C11_grokking_precedes_crystallization() => Claim("C11");
    [Fact] public void C12_the_basin_collapses_near_60_percent_sparsity() => Claim("C12");
}
