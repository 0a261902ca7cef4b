using System.Numerics;
using System.Runtime.CompilerServices;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// The population engine in plain C#: the same step as TorchPopulation (TorchSharp, bmm) but fused per run, so a run's
/// whole step (its batch, forward, hand-written backward, clip, AdamW) runs in one pass over 96 floats that stay in
/// L1, with the R = 8 slots in one SIMD vector. Runs are split over threads; a run's arithmetic is the same code on
/// the same numbers whatever the population, so results are population-independent by construction. It exists
/// because libtorch's per-op cost on [P, 32, 8] tensors (tiny gemms, one per run) dominates; see README.
/// Internal layout per run: rows of R floats, U[:, x] (x &lt; n m), V[:, y], W[z, :]; any shape or slot count other
/// than &lt;2,2,2;8&gt; takes SlotVectorGradient (slots padded to whole vectors).
/// </summary>
public sealed class CpuPopulation : IPopulationEngine
{
    private readonly float[] _p;
    private readonly float[] _m;
    private readonly float[] _v;
    private readonly ParallelOptions _parallel;
    private long _adamStep;

    private readonly PairLayout _layout;

    public int Size { get; }
    public int Slots { get; }
    public Shape Shape => _layout.Shape;
    private int Block => _layout.ParameterRows * Slots;

    /// <summary>The R = 8, &lt;2,2,2&gt; vector path (8 slots in one Vector&lt;float&gt;); otherwise SlotVectorGradient.</summary>
    private readonly bool _vectorised;

    public CpuPopulation(float[] initial, int size, int slots, int threads) : this(initial, size, slots, threads, Shape.Square2) { }

    public CpuPopulation(float[] initial, int size, int slots, int threads, Shape shape)
        : this(initial, size, slots, threads, shape, specialised: true) { }

    /// <param name="specialised">
    /// false: SlotVectorGradient at &lt;2,2,2;8&gt; too (other numbers: its sums run in another order; tests compare the
    /// two paths, and `bench train-throughput` times both).
    /// </param>
    public CpuPopulation(float[] initial, int size, int slots, int threads, Shape shape, bool specialised)
    {
        Size = size;
        Slots = slots;
        _layout = new PairLayout(shape);
        _vectorised = specialised && slots == Vector<float>.Count && _layout == PairLayout.Square2;
        _p = new float[size * Block];
        _m = new float[_p.Length];
        _v = new float[_p.Length];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        FromSnapshot(initial, Enumerable.Repeat(true, size).ToArray());
    }

    public void ResetOptimizer()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        _adamStep = 0;
    }

    public double[]? Step(StepPlan plan)
    {
        _adamStep++;
        double bc1 = 1 - Math.Pow(plan.Beta1, _adamStep);
        float bc2Sqrt = (float)Math.Sqrt(1 - Math.Pow(plan.Beta2, _adamStep));
        var loss = plan.WantLoss ? new double[Size] : null;
        int chunk = Math.Max(1, Size / (_parallel.MaxDegreeOfParallelism * 4));
        if (chunk >= Size || _parallel.MaxDegreeOfParallelism == 1)
        {
            // One chunk: no thread hand-off (the same arithmetic, so the same numbers).
            var scratch = new Scratch(plan.Rows * _layout.Width, Block, _layout, Slots);
            for (int run = 0; run < Size; run++)
            {
                double l = RunStep(run, plan, bc1, bc2Sqrt, scratch);
                if (loss is not null) loss[run] = l;
            }
            return loss;
        }
        Parallel.For(0, (Size + chunk - 1) / chunk, _parallel, () => new Scratch(plan.Rows * _layout.Width, Block, _layout, Slots), (c, _, scratch) =>
        {
            for (int run = c * chunk; run < Math.Min(Size, (c + 1) * chunk); run++)
            {
                double l = RunStep(run, plan, bc1, bc2Sqrt, scratch);
                if (loss is not null) loss[run] = l;
            }
            return scratch;
        }, _ => { });
        return loss;
    }

    private sealed class Scratch(int batchFloats, int block, PairLayout layout, int slots)
    {
        public readonly float[] Batch = new float[batchFloats];
        public readonly float[] Grad = new float[block];
        public readonly SlotVectorGradient General = new(layout, slots);
    }

    private double RunStep(int run, StepPlan plan, double bc1, float bc2Sqrt, Scratch scratch)
    {
        int r = Slots, block = Block, rows = _layout.ParameterRows;
        var p = _p.AsSpan(run * block, block);
        if (plan.DecaySlot is not null && plan.DecaySlot[run] >= 0)
            for (int row = 0; row < rows; row++) p[row * r + plan.DecaySlot[run]] *= plan.Decay;
        plan.Fill(run, scratch.Batch);
        var g = scratch.Grad.AsSpan();
        double lossSum = _vectorised
            ? GradientsVector(p, scratch.Batch, plan.Rows, g)
            : scratch.General.Compute(p, scratch.Batch, plan.Rows, g);
        if (plan.ZeroGradients is not null)
            for (int s = 0; s < r; s++)
                if (StepPlan.Has(plan.ZeroGradients, run, s))
                    for (int row = 0; row < rows; row++) g[row * r + s] = 0f;
        if (plan.ClipNorm is double clip) Clip(g, (float)clip);

        double lr = plan.LrOf(run);
        if (plan.Optimizer == OptimizerKind.Sgd)
        {
            SgdStep(p, g, (float)(-lr), (float)plan.WeightDecay[run]);
            ZeroSlots(plan, run, p);
            return lossSum / (plan.Rows * (double)_layout.C);
        }
        float decay = (float)(1 - lr * plan.WeightDecay[run]);
        float negStep = (float)(-(lr / bc1));
        float w1 = (float)(1 - plan.Beta1), beta2 = (float)plan.Beta2, w2 = (float)(1 - plan.Beta2), eps = (float)plan.Eps;
        bool anyDecay = plan.WeightDecay[run] != 0;
        var m = _m.AsSpan(run * block, block);
        var v = _v.AsSpan(run * block, block);
        // PyTorch's single-tensor AdamW, op for op (lerp with weight < 0.5; addcmul; addcdiv as p + (value m) / denom):
        // element-wise, so Vector<float> lanes give each element the scalar loop's numbers.
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vDecay = new Vector<float>(decay);
            var vW1 = new Vector<float>(w1);
            var vBeta2 = new Vector<float>(beta2);
            var vW2 = new Vector<float>(w2);
            var vBc2 = new Vector<float>(bc2Sqrt);
            var vEps = new Vector<float>(eps);
            var vStep = new Vector<float>(negStep);
            for (; i + Vector<float>.Count <= block; i += Vector<float>.Count)
            {
                var pi = new Vector<float>(p.Slice(i));
                var gi = new Vector<float>(g.Slice(i));
                var mi = new Vector<float>(m.Slice(i));
                var vi = new Vector<float>(v.Slice(i));
                if (anyDecay) pi *= vDecay;
                mi = mi + vW1 * (gi - mi);
                vi = vi * vBeta2 + vW2 * gi * gi;
                var denom = Vector.SquareRoot(vi) / vBc2 + vEps;
                pi = pi + vStep * mi / denom;
                pi.CopyTo(p.Slice(i));
                mi.CopyTo(m.Slice(i));
                vi.CopyTo(v.Slice(i));
            }
        }
        for (; i < block; i++)
        {
            if (anyDecay) p[i] *= decay;
            m[i] = m[i] + w1 * (g[i] - m[i]);
            v[i] = v[i] * beta2 + w2 * g[i] * g[i];
            float denom = MathF.Sqrt(v[i]) / bc2Sqrt + eps;
            p[i] = p[i] + negStep * m[i] / denom;
        }
        ZeroSlots(plan, run, p);
        return lossSum / (plan.Rows * (double)_layout.C);
    }

    /// <summary>PyTorch's SGD without momentum, element-wise: d = g + wd p (when wd != 0), p = p + (-lr) d.</summary>
    private static void SgdStep(Span<float> p, ReadOnlySpan<float> g, float negLr, float wd)
    {
        for (int i = 0; i < p.Length; i++)
        {
            float d = g[i];
            if (wd != 0) d = d + wd * p[i];
            p[i] = p[i] + negLr * d;
        }
    }

    /// <summary>The plan's ZeroAfter slots of this run set to +0.</summary>
    private void ZeroSlots(StepPlan plan, int run, Span<float> p)
    {
        if (plan.ZeroAfter is null) return;
        int r = Slots;
        for (int s = 0; s < r; s++)
            if (StepPlan.Has(plan.ZeroAfter, run, s))
                for (int row = 0; row < _layout.ParameterRows; row++) p[row * r + s] = 0f;
    }

    /// <summary>clip_grad_norm_ over the three tensors U, V, W: sqrt of the sum of their squared norms.</summary>
    internal void Clip(Span<float> g, float maxNorm)
    {
        int r = Slots, a = _layout.A * r, b = _layout.B * r, c = _layout.C * r;
        // Each tensor's sum of squares in its own sequential order; for equal sizes the three chains run side by side.
        float su = 0, sv = 0, sw = 0;
        if (a == b && b == c)
            for (int k = 0; k < a; k++)
            {
                su += g[k] * g[k];
                sv += g[a + k] * g[a + k];
                sw += g[2 * a + k] * g[2 * a + k];
            }
        else
        {
            for (int k = 0; k < a; k++) su += g[k] * g[k];
            for (int k = a; k < a + b; k++) sv += g[k] * g[k];
            for (int k = a + b; k < a + b + c; k++) sw += g[k] * g[k];
        }
        float total = 0, norm = MathF.Sqrt(su);
        total += norm * norm;
        norm = MathF.Sqrt(sv);
        total += norm * norm;
        norm = MathF.Sqrt(sw);
        total += norm * norm;
        total = MathF.Sqrt(total);
        float coefficient = MathF.Min(maxNorm / (total + 1e-6f), 1f);
        for (int k = 0; k < g.Length; k++) g[k] *= coefficient;
    }

    /// <summary>
    /// Gradient of mean((c - t)^2) over rows x 4 outputs into g; returns the sum of squared residuals. StepKernels.Fast
    /// repeats this loop op for op on the GPU (F8 for Vector&lt;float&gt;): change both together (GpuEngineTests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double GradientsVector(ReadOnlySpan<float> p, float[] batch, int rows, Span<float> g)
    {
        const int R = 8;
        var u0 = new Vector<float>(p.Slice(0 * R)); var u1 = new Vector<float>(p.Slice(1 * R));
        var u2 = new Vector<float>(p.Slice(2 * R)); var u3 = new Vector<float>(p.Slice(3 * R));
        var v0 = new Vector<float>(p.Slice(4 * R)); var v1 = new Vector<float>(p.Slice(5 * R));
        var v2 = new Vector<float>(p.Slice(6 * R)); var v3 = new Vector<float>(p.Slice(7 * R));
        var w0 = new Vector<float>(p.Slice(8 * R)); var w1 = new Vector<float>(p.Slice(9 * R));
        var w2 = new Vector<float>(p.Slice(10 * R)); var w3 = new Vector<float>(p.Slice(11 * R));
        Vector<float> gu0 = default, gu1 = default, gu2 = default, gu3 = default;
        Vector<float> gv0 = default, gv1 = default, gv2 = default, gv3 = default;
        Vector<float> gw0 = default, gw1 = default, gw2 = default, gw3 = default;
        float scale = 2f / (4f * rows);
        double lossSum = 0;
        for (int i = 0; i < rows; i++)
        {
            int o = i * Pairs.Width;
            float a0 = batch[o], a1 = batch[o + 1], a2 = batch[o + 2], a3 = batch[o + 3];
            float b0 = batch[o + 4], b1 = batch[o + 5], b2 = batch[o + 6], b3 = batch[o + 7];
            var ua = u0 * a0 + u1 * a1 + u2 * a2 + u3 * a3;
            var vb = v0 * b0 + v1 * b1 + v2 * b2 + v3 * b3;
            var h = ua * vb;
            float e0 = Vector.Sum(w0 * h) - batch[o + 8];
            float e1 = Vector.Sum(w1 * h) - batch[o + 9];
            float e2 = Vector.Sum(w2 * h) - batch[o + 10];
            float e3 = Vector.Sum(w3 * h) - batch[o + 11];
            lossSum += (double)e0 * e0 + (double)e1 * e1 + (double)e2 * e2 + (double)e3 * e3;
            float d0 = e0 * scale, d1 = e1 * scale, d2 = e2 * scale, d3 = e3 * scale;
            gw0 += h * d0; gw1 += h * d1; gw2 += h * d2; gw3 += h * d3;
            var dh = w0 * d0 + w1 * d1 + w2 * d2 + w3 * d3;
            var dua = dh * vb;
            var dvb = dh * ua;
            gu0 += dua * a0; gu1 += dua * a1; gu2 += dua * a2; gu3 += dua * a3;
            gv0 += dvb * b0; gv1 += dvb * b1; gv2 += dvb * b2; gv3 += dvb * b3;
        }
        gu0.CopyTo(g.Slice(0 * R)); gu1.CopyTo(g.Slice(1 * R)); gu2.CopyTo(g.Slice(2 * R)); gu3.CopyTo(g.Slice(3 * R));
        gv0.CopyTo(g.Slice(4 * R)); gv1.CopyTo(g.Slice(5 * R)); gv2.CopyTo(g.Slice(6 * R)); gv3.CopyTo(g.Slice(7 * R));
        gw0.CopyTo(g.Slice(8 * R)); gw1.CopyTo(g.Slice(9 * R)); gw2.CopyTo(g.Slice(10 * R)); gw3.CopyTo(g.Slice(11 * R));
        return lossSum;
    }

    /// <summary>The hand-written gradient of one run on one batch, in the snapshot's order: U, V, Wt (for tests).</summary>
    internal float[] GradientOf(int run, float[] batch, int rows)
    {
        var g = new float[Block];
        var p = _p.AsSpan(run * Block, Block);
        if (_vectorised) GradientsVector(p, batch, rows, g);
        else new SlotVectorGradient(_layout, Slots).Compute(p, batch, rows, g);
        var single = new float[Block];
        Transpose(g, single, new SnapshotLayout(1, Slots, Shape), 0, toSnapshot: true);
        return single;
    }

    /// <summary>Snapshot (U, V, Wt blocks) to this engine's rows for the runs where keep is true.</summary>
    private void FromSnapshot(float[] snapshot, bool[] keep)
    {
        var at = new SnapshotLayout(Size, Slots, Shape);
        for (int run = 0; run < Size; run++)
            if (keep[run]) Transpose(_p.AsSpan(run * Block, Block), snapshot, at, run, toSnapshot: false);
    }

    public float[] Snapshot()
    {
        var at = new SnapshotLayout(Size, Slots, Shape);
        var snapshot = new float[at.Length];
        for (int run = 0; run < Size; run++) Transpose(_p.AsSpan(run * Block, Block), snapshot, at, run, toSnapshot: true);
        return snapshot;
    }

    /// <summary>One run between the engine's rows (U[:, x], V[:, y], W[z, :]) and the snapshot's slot-major blocks.</summary>
    private void Transpose(Span<float> rowsOfRun, Span<float> snapshot, SnapshotLayout at, int run, bool toSnapshot)
    {
        int r = Slots, a = _layout.A, b = _layout.B, c = _layout.C;
        for (int s = 0; s < r; s++)
        {
            for (int x = 0; x < a; x++) Move(ref rowsOfRun[x * r + s], ref snapshot[at.U(run) + s * a + x], toSnapshot);
            for (int y = 0; y < b; y++) Move(ref rowsOfRun[(a + y) * r + s], ref snapshot[at.V(run) + s * b + y], toSnapshot);
            for (int z = 0; z < c; z++) Move(ref rowsOfRun[(a + b + z) * r + s], ref snapshot[at.Wt(run) + s * c + z], toSnapshot);
        }
    }

    private static void Move(ref float engine, ref float snapshot, bool toSnapshot)
    {
        if (toSnapshot) snapshot = engine;
        else engine = snapshot;
    }

    public void Restore(float[] snapshot, bool[] keep) => FromSnapshot(snapshot, keep);

    public void Dispose() { }
}
