using System.Numerics;
using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Tests.Model;

/// <summary>
/// The gpu engine's kernels, run on ILGPU's CPU accelerator, against the cpu engine: the same float operations in the
/// same order, so the same numbers (exact where the cpu engine takes the matching path: its 8-lane vector path for
/// R = 8 needs Vector&lt;float&gt; of 8 lanes, its scalar path otherwise).
/// </summary>
[Trait("Category", "Fast")]
public class GpuEngineTests
{
    /// <summary>Different seeds, learning rates, weight decays, inits and Phase 2 choices in one population.</summary>
    private static RunConfig[] Mixed(int slots, int phase1 = 150, int decay = 25, int refine = 25, string data = "fresh") =>
        Enumerable.Range(0, 12).Select(i => Toy.Config(300 + i, phase1, decay, refine) with
        {
            Slots = slots,
            TargetSlots = slots - 1,
            Data = data,
            Lr = 0.01 + 0.002 * i,
            WeightDecay = i % 2 == 0 ? 1e-4 : 1e-2,
            Init = i % 3 == 0 ? InitKind.Independent : InitKind.Symmetric,
            ActiveThreshold = i % 4 == 0 ? 1e9 : 0,
        }).ToArray();

    private static readonly bool CpuVectorPathIsEight = Vector<float>.Count == 8;

    [Theory]
    [InlineData(8, "fresh")]
    [InlineData(8, "fixed:100")]
    [InlineData(5, "fresh")]
    [InlineData(9, "fixed:70")]
    public void The_kernels_train_every_run_as_the_cpu_engine_does(int slots, string data)
    {
        var runs = Mixed(slots, data: data);
        var cpu = PopulationTrainer.Train(runs, threads: 1, EngineKind.Cpu);
        var gpu = PopulationTrainer.Train(runs, engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu));
        bool exact = slots != 8 || CpuVectorPathIsEight;
        for (int i = 0; i < runs.Length; i++)
        {
            gpu[i].PrunedSlots.Should().Equal(cpu[i].PrunedSlots, $"run {i}");
            gpu[i].Steps.Should().Be(cpu[i].Steps);
            var a = Toy.Coefficients(cpu[i]);
            var b = Toy.Coefficients(gpu[i]);
            if (exact) b.Should().Equal(a, $"run {i} ({slots} slots, {data}) on both engines");
            else for (int k = 0; k < a.Length; k++) b[k].Should().BeApproximately(a[k], 1e-3f);
            gpu[i].Curves.Select(c => c.Step).Should().Equal(cpu[i].Curves.Select(c => c.Step));
            if (exact) gpu[i].Curves.Should().Equal(cpu[i].Curves);
        }
    }

    [Fact]
    public void A_diverging_run_does_not_touch_its_neighbours()
    {
        var calm = Toy.Config(1, phase1: 60, decay: 10, refine: 10);
        var wild = calm with { Seed = 2, Lr = 1e30 };
        var together = PopulationTrainer.Train([calm, wild], engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu));
        var alone = PopulationTrainer.Train([calm], engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu))[0];
        together[1].FinalWeights.IsFinite.Should().BeFalse();
        Toy.Coefficients(together[0]).Should().Equal(Toy.Coefficients(alone));
    }

    [Fact]
    public void The_cpu_accelerator_is_what_auto_opens_without_a_cuda_device_and_it_says_so()
    {
        var device = GpuDevice.Get(DevicePreference.Cpu);
        device.Kind.Should().Be("cpu-accelerator");
        device.Driver.Should().BeNull();
        device.Notice.Should().BeNull();
        var auto = GpuDevice.Get(DevicePreference.Auto);
        if (auto.Kind == "cpu-accelerator") auto.Notice.Should().Contain("CPU accelerator");
        else auto.Driver.Should().NotBeNullOrEmpty();
    }
}
