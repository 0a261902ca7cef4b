using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;
using TorchSharp;

namespace StrassenRepro.Tests.Model;

/// <summary>Training any product &lt;n,m,p&gt;: data, gradients against autograd, the gpu kernel against the cpu engine.</summary>
[Trait("Category", "Fast")]
public class ShapeTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 2, 2, 3, 11 }, { 2, 3, 2, 9 }, { 3, 3, 3, 23 }, { 1, 2, 3, 6 },
    };

    private static RunConfig Config(int n, int m, int p, int slots, long seed) =>
        Toy.Config(seed, phase1: 60, decay: 10, refine: 10).WithShape(new Shape(n, m, p)) with
        {
            Init = InitKind.Independent,
            Slots = slots,
            TargetSlots = slots - 1,
            ActiveThreshold = 0,
            CurveInterval = 20,
        };

    [Fact]
    public void Pairs_of_any_shape_hold_a_then_b_then_their_product()
    {
        var layout = new PairLayout(new Shape(2, 3, 4));
        var rows = new float[5 * layout.Width];
        Pairs.Draw(rows, 77, layout);
        for (int row = 0; row < 5; row++)
        {
            var s = rows.AsSpan(row * layout.Width, layout.Width);
            for (int i = 0; i < 2; i++)
                for (int k = 0; k < 4; k++)
                {
                    double c = 0;
                    for (int j = 0; j < 3; j++) c += (double)s[i * 3 + j] * s[6 + j * 4 + k];
                    s[18 + i * 4 + k].Should().Be((float)c);
                }
        }
        var square = new float[3 * 12];
        var viaLayout = new float[3 * 12];
        Pairs.Draw(square, 5);
        Pairs.Draw(viaLayout, 5, new PairLayout(Shape.Square2));
        viaLayout.Should().Equal(square);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_cpu_engine_gradient_equals_autograd(int n, int m, int p, int slots)
    {
        var config = Config(n, m, p, slots, 3);
        var shape = config.Shape;
        var layout = config.Layout;
        var initial = new float[new SnapshotLayout(1, slots, shape).Length];
        PopulationTrainer.Initialize(config, initial, 0);
        using var population = new CpuPopulation(initial, 1, slots, 1, shape);
        const int rows = 16;
        var batch = new float[rows * layout.Width];
        Pairs.Draw(batch, 99, layout);
        var ours = population.GradientOf(0, batch, rows);

        using var scope = torch.NewDisposeScope();
        var w = Weights.FromSnapshot(initial, 0, slots, shape);
        var u = torch.tensor(w.U.Select(x => (float)x).ToArray(), new long[] { slots, layout.A }).requires_grad_();
        var v = torch.tensor(w.V.Select(x => (float)x).ToArray(), new long[] { slots, layout.B }).requires_grad_();
        var ww = torch.tensor(w.W.Select(x => (float)x).ToArray(), new long[] { layout.C, slots }).requires_grad_();
        var x = torch.tensor(batch, new long[] { rows, layout.Width });
        var c = (x.narrow(1, 0, layout.A).matmul(u.t()) * x.narrow(1, layout.A, layout.B).matmul(v.t())).matmul(ww.t());
        (c - x.narrow(1, layout.TOffset, layout.C)).pow(2).mean().backward();
        float[] expected = [.. u.grad!.data<float>().ToArray(), .. v.grad!.data<float>().ToArray(),
            .. ww.grad!.t().contiguous().data<float>().ToArray()];
        float scale = expected.Max(MathF.Abs);
        for (int k = 0; k < expected.Length; k++) ours[k].Should().BeApproximately(expected[k], 1e-5f * scale, $"component {k}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_gpu_kernel_trains_any_shape_as_the_cpu_engine_does(int n, int m, int p, int slots)
    {
        RunConfig[] runs = [Config(n, m, p, slots, 1), Config(n, m, p, slots, 2) with { Lr = 0.01, Data = "fixed:40" }];
        foreach (var population in runs.Select(r => new[] { r }))
        {
            var cpu = PopulationTrainer.Train(population, threads: 1)[0];
            var gpu = PopulationTrainer.Train(population, engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu))[0];
            Toy.Coefficients(gpu).Should().Equal(Toy.Coefficients(cpu), $"<{n},{m},{p};{slots}>");
            gpu.Curves.Should().Equal(cpu.Curves);
            gpu.Scheme!.Shape.Should().Be(new Shape(n, m, p));
            gpu.PrunedSlots.Should().HaveCount(1);
        }
    }

    [Fact]
    public void A_few_hundred_steps_on_2_2_3_bring_the_test_loss_down_and_the_scheme_has_its_shape()
    {
        var config = TrainingProtocols.Upstream(7, 32).WithShape(new Shape(2, 2, 3)) with
        {
            Init = InitKind.Independent,
            Slots = 12,
            TargetSlots = 11,
            Phase1Epochs = 300,
            ScheduleT0 = 300,
            DecaySteps = 20,
            RefineSteps = 20,
            Phase2BatchSize = 64,
            CurveInterval = 100,
            TestSamples = 256,
        };
        var initial = new float[new SnapshotLayout(1, 12, config.Shape).Length];
        PopulationTrainer.Initialize(config, initial, 0);
        double before = Weights.FromSnapshot(initial, 0, 12, config.Shape).Loss(new RunData(config).TestSet);
        var result = PopulationTrainer.Train([config])[0];
        result.Curves[^1].TestLoss.Should().BeLessThan(before / 4, string.Join(", ", result.Curves.Select(c => c.TestLoss)));
        result.Scheme!.Shape.Should().Be(new Shape(2, 2, 3));
        result.Scheme.Rank.Should().Be(12);
        result.VerifiedSlots.Should().Be(11);
    }

    [Fact]
    public void Shapes_and_inits_that_cannot_go_together_are_refused()
    {
        var act = () => (TrainingProtocols.Upstream(1, 32).WithShape(new Shape(2, 3, 3)) with { Init = InitKind.Symmetric }).Validated();
        act.Should().Throw<ArgumentException>().WithMessage("*symmetric*");
        var big = () => (TrainingProtocols.Upstream(1, 32) with { Dimensions = [9, 2, 2] }).Validated();
        big.Should().Throw<ArgumentException>().WithMessage("*1..8*");
        TrainingProtocols.Upstream(1, 32).WithShape(Shape.Square2).Dimensions.Should().BeNull();
        var torch = () => PopulationTrainer.Train([Config(2, 2, 3, 11, 1)], engine: EngineKind.Torch);
        torch.Should().Throw<ArgumentException>().WithMessage("*torch engine trains <2,2,2> only*");
    }
}
