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
        ShouldMatch(population.GradientOf(0, batch, rows), Autograd(initial, 0, slots, shape, batch, rows));
    }

    public static TheoryData<int, int, int, int> TorchShapes => new()
    {
        { 2, 2, 3, 11 }, { 2, 3, 2, 9 }, { 3, 3, 3, 23 }, { 1, 2, 3, 5 },
    };

    [Theory]
    [MemberData(nameof(TorchShapes))]
    public void The_torch_engine_gradient_equals_autograd(int n, int m, int p, int slots)
    {
        // Three runs, each with its own init and batch: every run's slice of the batched gradient is its own.
        const int runs = 3, rows = 16;
        var shape = new Shape(n, m, p);
        var layout = new PairLayout(shape);
        var at = new SnapshotLayout(runs, slots, shape);
        var initial = new float[at.Length];
        for (int i = 0; i < runs; i++) PopulationTrainer.Initialize(Config(n, m, p, slots, 3 + i), initial, i);
        var batches = Enumerable.Range(0, runs).Select(i =>
        {
            var batch = new float[rows * layout.Width];
            Pairs.Draw(batch, (ulong)(99 + i), layout);
            return batch;
        }).ToArray();
        using var population = new TorchPopulation(initial, runs, slots, shape);
        using var scope = torch.NewDisposeScope();
        var (g, _) = population.Gradients(torch.tensor(batches.SelectMany(b => b).ToArray(), new long[] { runs, rows, layout.Width }));
        var flat = g.data<float>().ToArray();
        flat.Should().HaveCount(at.Length);
        for (int i = 0; i < runs; i++)
        {
            float[] ours = [.. flat.AsSpan(at.U(i), slots * layout.A), .. flat.AsSpan(at.V(i), slots * layout.B),
                .. flat.AsSpan(at.Wt(i), slots * layout.C)];
            ShouldMatch(ours, Autograd(initial, i, slots, shape, batches[i], rows));
        }
    }

    /// <summary>Autograd of mean((c - t)^2) for run i of a snapshot, in the snapshot's order: U, V, Wt.</summary>
    private static float[] Autograd(float[] snapshot, int run, int slots, Shape shape, float[] batch, int rows)
    {
        var layout = new PairLayout(shape);
        using var scope = torch.NewDisposeScope();
        var w = Weights.FromSnapshot(snapshot, run, slots, shape);
        var u = torch.tensor(w.U.Select(x => (float)x).ToArray(), new long[] { slots, layout.A }).requires_grad_();
        var v = torch.tensor(w.V.Select(x => (float)x).ToArray(), new long[] { slots, layout.B }).requires_grad_();
        var ww = torch.tensor(w.W.Select(x => (float)x).ToArray(), new long[] { layout.C, slots }).requires_grad_();
        var x = torch.tensor(batch, new long[] { rows, layout.Width });
        var c = (x.narrow(1, 0, layout.A).matmul(u.t()) * x.narrow(1, layout.A, layout.B).matmul(v.t())).matmul(ww.t());
        (c - x.narrow(1, layout.TOffset, layout.C)).pow(2).mean().backward();
        return [.. u.grad!.data<float>().ToArray(), .. v.grad!.data<float>().ToArray(),
            .. ww.grad!.t().contiguous().data<float>().ToArray()];
    }

    private static void ShouldMatch(float[] ours, float[] expected)
    {
        ours.Should().HaveCount(expected.Length);
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
    }

    [Fact]
    public void The_torch_engine_trains_a_shape_other_than_2_2_2()
    {
        // It used to refuse every shape but <2,2,2>; now it trains and prunes one as the other engines do.
        var result = PopulationTrainer.Train([Config(2, 2, 3, 11, 1)], engine: EngineKind.Torch)[0];
        result.Scheme!.Shape.Should().Be(new Shape(2, 2, 3));
        result.PrunedSlots.Should().HaveCount(1);
        result.Curves.Should().OnlyContain(c => double.IsFinite(c.TestLoss));
    }

    [Theory]
    [MemberData(nameof(TorchShapes))]
    public void The_torch_and_cpu_engines_follow_the_same_trajectory_for_100_steps(int n, int m, int p, int slots)
    {
        // Their float sums run in different orders (bmm vs the fused loop), so they agree to rounding, not bit for bit.
        // Measured after 100 steps: largest coefficient difference 1.3e-7 to 2.8e-7 of the run's largest coefficient;
        // 1e-5 leaves a margin of 35x for other CPUs' kernels while a wrong gradient or update term moves them by far more.
        var config = Config(n, m, p, slots, 11) with { Phase1Epochs = 100, Prune = false, CurveInterval = 50 };
        var cpu = PopulationTrainer.Train([config], 1, EngineKind.Cpu)[0];
        var other = PopulationTrainer.Train([config], 1, EngineKind.Torch)[0];
        double[] x = [.. cpu.FinalWeights.U, .. cpu.FinalWeights.V, .. cpu.FinalWeights.W];
        double[] y = [.. other.FinalWeights.U, .. other.FinalWeights.V, .. other.FinalWeights.W];
        double scale = x.Max(Math.Abs), worst = 0;
        for (int k = 0; k < x.Length; k++) worst = Math.Max(worst, Math.Abs(x[k] - y[k]));
        (worst / scale).Should().BeLessThan(1e-5, $"<{n},{m},{p};{slots}>");
        x.Should().NotEqual(y, "a bit-for-bit match would mean one engine trained for both");
        // The batch loss is the mean over B x n p outputs in both (a wrong divisor would show here, not in the weights:
        // Adam is blind to a gradient's scale).
        other.Curves.Select(c => c.Step).Should().Equal(50, 100);
        for (int i = 0; i < cpu.Curves.Count; i++)
        {
            other.Curves[i].TrainLoss.Should().BeApproximately(cpu.Curves[i].TrainLoss, 1e-4 * cpu.Curves[i].TrainLoss);
            other.Curves[i].TestLoss.Should().BeApproximately(cpu.Curves[i].TestLoss, 1e-4 * cpu.Curves[i].TestLoss);
        }
    }

    [Theory]
    [InlineData(2, 2, 3, 11)]
    [InlineData(3, 3, 3, 23)]
    public void A_torch_run_alone_equals_the_same_run_inside_a_population_bit_for_bit(int n, int m, int p, int slots)
    {
        var runs = Enumerable.Range(0, 6).Select(i => Config(n, m, p, slots, 30 + i) with
        {
            Lr = 0.01 + 0.002 * i,
            WeightDecay = i % 2 == 0 ? 1e-4 : 1e-3,
            Init = i % 3 == 0 ? InitKind.XavierUniform : InitKind.Independent,
            InitGain = i % 3 == 0 ? 1 : 0,
            ActiveThreshold = i == 4 ? 1e9 : 0,   // run 4 skips Phase 2, the others prune one slot
        }).ToArray();
        // One libtorch thread: with two, OpenMP's waits on a loaded 2-core machine took seconds. The torch engine's
        // independence of the thread count is PopulationTests' (<2,2,2>, threads 2).
        var together = PopulationTrainer.Train(runs, threads: 1, EngineKind.Torch);
        together[4].PruneSkipped.Should().BeTrue();
        foreach (int i in new[] { 0, 4, 5 })
        {
            var alone = PopulationTrainer.Train([runs[i]], threads: 1, EngineKind.Torch)[0];
            Toy.Coefficients(alone).Should().Equal(Toy.Coefficients(together[i]), $"run {i} alone vs in the population");
            alone.Curves.Should().Equal(together[i].Curves);
            alone.PrunedSlots.Should().Equal(together[i].PrunedSlots);
        }
    }
}
