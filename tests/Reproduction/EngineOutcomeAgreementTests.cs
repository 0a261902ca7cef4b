using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>
/// The gpu engine trains the same distribution of outcomes as the cpu engine: 256 seeds of the upstream protocol at
/// B = 32 on both, counts per outcome, chi-squared tests of homogeneity. On CUDA when there is a device, else on ILGPU's
/// CPU accelerator (about a quarter of an hour on 2 cores), so Category=Reproduction.
/// </summary>
[Trait("Category", "Reproduction")]
public class EngineOutcomeAgreementTests
{
    [Fact]
    public void The_gpu_and_cpu_engines_give_the_same_outcome_distribution_on_256_seeds()
    {
        var comparison = EngineOutcomes.Compare(256, 32, EngineChoice.Cpu, new EngineChoice(EngineKind.Gpu, DevicePreference.Auto));
        string table = $"outcomes {string.Join("/", EngineOutcomeComparison.Categories)}: " +
            $"cpu {string.Join(" ", comparison.First.Plain)} (after recovery {string.Join(" ", comparison.First.AfterRecovery)}), " +
            $"gpu {string.Join(" ", comparison.Second.Plain)} (after recovery {string.Join(" ", comparison.Second.AfterRecovery)}); " +
            $"chi-squared p = {comparison.Plain.P:F3} plain, {comparison.AfterRecovery.P:F3} after recovery";
        comparison.Plain.P.Should().BeGreaterThan(0.01, table);
        comparison.AfterRecovery.P.Should().BeGreaterThan(0.01, table);
    }
}
