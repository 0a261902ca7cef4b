using StrassenRepro.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace StrassenRepro.Tests.Model;

/// <summary>The hand-written gradients of both engines and of kappa's per-sample gradients, against autograd.</summary>
[Trait("Category", "Fast")]
public class GradientTests
{
    private const int P = 3, R = 8, B = 32;

    private static float[] RandomParameters()
    {
        var initial = new float[3 * P * R * 4];
        for (int i = 0; i < P; i++) PopulationTrainer.Initialize(Toy.Config(40 + i) with { Init = InitKind.Independent }, initial, i);
        return initial;
    }

    private static float[] Batch(int run)
    {
        var batch = new float[B * Pairs.Width];
        Pairs.Draw(batch, (ulong)(1000 + run));
        return batch;
    }

    /// <summary>Autograd of mean((c - t)^2) for one run; returned in the [U R x 4, V R x 4, Wt R x 4] layout.</summary>
    private static float[] Autograd(float[] initial, int run, float[] batch)
    {
        using var scope = torch.NewDisposeScope();
        var w = Weights.FromSnapshot(initial, run, R);
        var u = torch.tensor(w.U.Select(x => (float)x).ToArray(), new long[] { R, 4 }).requires_grad_();
        var v = torch.tensor(w.V.Select(x => (float)x).ToArray(), new long[] { R, 4 }).requires_grad_();
        var ww = torch.tensor(w.W.Select(x => (float)x).ToArray(), new long[] { 4, R }).requires_grad_();
        var x = torch.tensor(batch, new long[] { B, Pairs.Width });
        var c = (x.narrow(1, 0, 4).matmul(u.t()) * x.narrow(1, 4, 4).matmul(v.t())).matmul(ww.t());
        var loss = (c - x.narrow(1, 8, 4)).pow(2).mean();
        loss.backward();
        return u.grad!.data<float>().ToArray()
            .Concat(v.grad!.data<float>().ToArray())
            .Concat(ww.grad!.t().contiguous().data<float>().ToArray()).ToArray();
    }

    private static void ShouldMatch(float[] actual, float[] expected)
    {
        actual.Should().HaveCount(expected.Length);
        float scale = expected.Max(MathF.Abs);
        for (int k = 0; k < expected.Length; k++) actual[k].Should().BeApproximately(expected[k], 1e-5f * scale, $"component {k}");
    }

    [Fact]
    public void The_torch_engine_gradients_equal_autograd()
    {
        var initial = RandomParameters();
        using var population = new TorchPopulation(initial, P, R);
        var all = Enumerable.Range(0, P).SelectMany(Batch).ToArray();
        using var scope = torch.NewDisposeScope();
        var (g, _) = population.Gradients(torch.tensor(all, new long[] { P, B, Pairs.Width }));
        var flat = g.data<float>().ToArray();
        for (int run = 0; run < P; run++)
        {
            var mine = new[] { 0, 1, 2 }.SelectMany(k => flat.AsSpan((k * P + run) * R * 4, R * 4).ToArray()).ToArray();
            ShouldMatch(mine, Autograd(initial, run, Batch(run)));
        }
    }

    [Fact]
    public void The_cpu_engine_gradients_equal_autograd()
    {
        var initial = RandomParameters();
        using var population = new CpuPopulation(initial, P, R, threads: 1);
        for (int run = 0; run < P; run++)
            ShouldMatch(population.GradientOf(run, Batch(run), B), Autograd(initial, run, Batch(run)));
    }

    [Fact]
    public void The_general_path_at_2_2_2_with_8_slots_equals_autograd_and_the_specialised_path_to_float_rounding()
    {
        var initial = RandomParameters();
        using var general = new CpuPopulation(initial, P, R, 1, Crystallization.Shape.Square2, specialised: false);
        using var special = new CpuPopulation(initial, P, R, 1, Crystallization.Shape.Square2, specialised: true);
        for (int run = 0; run < P; run++)
        {
            var g = general.GradientOf(run, Batch(run), B);
            ShouldMatch(g, Autograd(initial, run, Batch(run)));
            // Its sums over slots run left to right, Vector.Sum's pairwise: the two differ by float rounding only.
            var s = special.GradientOf(run, Batch(run), B);
            float scale = s.Max(MathF.Abs);
            for (int k = 0; k < s.Length; k++) g[k].Should().BeApproximately(s[k], 1e-6f * scale, $"component {k}");
        }
    }

    [Fact]
    public void The_mean_of_the_per_sample_gradients_for_kappa_equals_autograd()
    {
        var initial = RandomParameters();
        var weights = Weights.FromSnapshot(initial, 1, R);
        var batch = Batch(1);
        var mean = new double[12 * R];
        var g = new double[12 * R];
        for (int i = 0; i < B; i++)
        {
            weights.SampleGradient(batch.AsSpan(i * Pairs.Width, Pairs.Width), g);
            for (int k = 0; k < g.Length; k++) mean[k] += g[k] / B;
        }
        // Per-sample layout is U, V, W (4 x R); autograd's here is U, V, Wt (R x 4).
        var reordered = new float[12 * R];
        for (int k = 0; k < 8 * R; k++) reordered[k] = (float)mean[k];
        for (int z = 0; z < 4; z++)
            for (int r = 0; r < R; r++) reordered[8 * R + r * 4 + z] = (float)mean[8 * R + z * R + r];
        ShouldMatch(reordered, Autograd(initial, 1, batch));
    }
}
