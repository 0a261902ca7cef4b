using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class EngineChoiceTests
{
    [Theory]
    [InlineData("cpu", "auto", EngineKind.Cpu, DevicePreference.Auto)]
    [InlineData("torch", "auto", EngineKind.Torch, DevicePreference.Auto)]
    [InlineData("gpu", "cuda", EngineKind.Gpu, DevicePreference.Cuda)]
    [InlineData("gpu", "cpu", EngineKind.Gpu, DevicePreference.Cpu)]
    public void Parses_engine_and_device(string engine, string device, EngineKind kind, DevicePreference preference)
    {
        var choice = EngineChoice.Parse(engine, device);
        choice.Should().Be(new EngineChoice(kind, preference));
        choice.Name.Should().Be(engine);
    }

    [Theory]
    [InlineData("tpu", "auto", "*engine 'tpu'*")]
    [InlineData("gpu", "rocm", "*device 'rocm'*")]
    public void Refuses_unknown_names(string engine, string device, string message) =>
        FluentActions.Invoking(() => EngineChoice.Parse(engine, device)).Should().Throw<ArgumentException>().WithMessage(message);

    [Fact]
    public void Describes_the_gpu_engine_with_its_device_and_the_others_by_name_alone()
    {
        EngineChoice.Cpu.Describe().Should().Equal(new Dictionary<string, string> { ["engine"] = "cpu" });
        ((EngineChoice)EngineKind.Torch).OpenDevice().Should().BeNull();
        var gpu = new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu).Describe();
        gpu["engine"].Should().Be("gpu");
        gpu["deviceKind"].Should().Be("cpu-accelerator");
        gpu["device"].Should().NotBeNullOrEmpty();
        gpu["driver"].Should().Be("none");
    }

    [Fact]
    public void The_training_clock_parts_add_up_to_no_more_than_the_call()
    {
        var clock = new TrainingClock();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        PopulationTrainer.Train([Toy.Config(1, phase1: 40) with { CurveInterval = 10 }], clock: clock);
        var total = watch.Elapsed;
        clock.Steps.Should().BePositive();
        clock.Measuring.Should().BePositive("curve points were taken every 10 steps");
        (clock.SetUp + clock.Steps + clock.Measuring + clock.HandOff).Should().BeLessThanOrEqualTo(total);
    }

    [Fact]
    public void The_cpu_engines_fast_paths_are_parameters_of_the_choice()
    {
        EngineChoice.Cpu.SpecialisedGradient.Should().BeTrue();
        EngineChoice.Cpu.VectorisedPairs.Should().BeTrue();
        double[] Trained(EngineChoice engine) =>
            PopulationTrainer.Train([Toy.Config(3, phase1: 30), Toy.Config(4, phase1: 30)], threads: 1, engine)[1].FinalWeights.U;
        var fast = Trained(EngineChoice.Cpu);
        Trained(EngineChoice.Cpu with { VectorisedPairs = false }).Should().Equal(fast, "the scalar draw gives the same pairs");
        Trained(EngineChoice.Cpu with { SpecialisedGradient = false }).Should().NotEqual(fast,
            "the general path sums in another order, so the choice reached the engine");
    }
}
