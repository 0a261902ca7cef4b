using StrassenRepro.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace StrassenRepro.Tests.Model;

/// <summary>AdamW and clip_grad_norm_ against TorchSharp's own ports of PyTorch's.</summary>
[Trait("Category", "Fast")]
public class OptimizerTests
{
    [Theory]
    [InlineData(EngineKind.Cpu)]
    [InlineData(EngineKind.Torch)]
    public void Ten_phase_1_steps_match_torch_optim_AdamW_with_clipping_and_warm_restarts(EngineKind engine)
    {
        const int Steps = 10;
        var config = Toy.Config(21, phase1: Steps) with { ScheduleT0 = 4, ClipNorm = 0.5, CurveInterval = 0, Lr = 0.05, WeightDecay = 0.01 };
        var ours = Toy.Coefficients(PopulationTrainer.Train([config], 1, engine)[0]);

        // PyTorch's closed form of the warm restarts, set by hand each step.
        var expected = TorchReference.Train(config, Steps,
            p => torch.optim.AdamW(p, lr: config.Lr, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: config.WeightDecay),
            step => config.Lr * (1 + Math.Cos(Math.PI * (step % config.ScheduleT0) / config.ScheduleT0)) / 2);
        for (int k = 0; k < expected.Length; k++) ours[k].Should().BeApproximately(expected[k], 2e-5f, $"coefficient {k}");
    }

    [Fact]
    public void Clipping_scales_each_run_by_its_own_norm_in_both_engines()
    {
        // Run 0 has a gradient of norm 10, run 1 of norm 0.5: only run 0 is scaled, to norm 1.
        var g = new float[3 * 2 * 8 * 4];
        for (int k = 0; k < 3; k++)
        {
            g[(k * 2 + 0) * 32] = 10f / MathF.Sqrt(3);
            g[(k * 2 + 1) * 32 + 5] = 0.5f / MathF.Sqrt(3);
        }
        using (var scope = torch.NewDisposeScope())
        {
            using var population = new TorchPopulation(new float[g.Length], 2, 8);
            var tensor = torch.tensor(g, new long[] { 3, 2, 8, 4 });
            population.ClipPerRun(tensor, 1.0);
            var clipped = tensor.data<float>().ToArray();
            Norm(clipped, 0).Should().BeApproximately(1f, 1e-5f);
            for (int k = 0; k < 3; k++) clipped[(k * 2 + 1) * 32 + 5].Should().Be(g[(k * 2 + 1) * 32 + 5]);
        }
        var cpu = new CpuPopulation(new float[g.Length], 2, 8, 1);
        var run0 = new float[96];
        var run1 = new float[96];
        run0[0] = run0[32] = run0[64] = 10f / MathF.Sqrt(3);
        run1[5] = run1[37] = run1[69] = 0.5f / MathF.Sqrt(3);
        var before = (float[])run1.Clone();
        cpu.Clip(run0, 1f);
        cpu.Clip(run1, 1f);
        MathF.Sqrt(run0.Sum(x => x * x)).Should().BeApproximately(1f, 1e-5f);
        run1.Should().Equal(before);
    }

    private static float Norm(float[] g, int run) =>
        MathF.Sqrt(Enumerable.Range(0, 3).Sum(k => g.AsSpan((k * 2 + run) * 32, 32).ToArray().Sum(x => x * x)));

    [Fact]
    public void Warm_restarts_start_each_period_at_the_base_rate_and_anneal_towards_eta_min()
    {
        LrSchedule.At(ScheduleKind.CosineWarmRestarts, 0.02, 0, 10000, 0).Should().Be(0.02);
        LrSchedule.At(ScheduleKind.CosineWarmRestarts, 0.02, 0, 10000, 5000).Should().BeApproximately(0.01, 1e-15);
        LrSchedule.At(ScheduleKind.CosineWarmRestarts, 0.02, 0, 10000, 10000).Should().Be(0.02);
        LrSchedule.At(ScheduleKind.Cosine, 0.02, 0, 100, 100).Should().BeApproximately(0, 1e-15);
        LrSchedule.At(ScheduleKind.Constant, 0.02, 0, 100, 77).Should().Be(0.02);
    }
}
