using StrassenRepro.Crystallization;
using TorchSharp;
using static TorchSharp.torch;

namespace StrassenRepro.Model;

/// <summary>
/// P runs of the bilinear model c = W((U a) * (V b)) for a product &lt;n,m,p&gt;, trained as one batched program. The
/// parameters are U [P, R, n m], V [P, R, m p] and W transposed [P, R, n p] (Wt[r, z] = W[z, r]), each a contiguous
/// block, so every product is a bmm over the run axis without copies. For &lt;2,2,2&gt; they are one float32 tensor
/// [3, P, R, 4]; for any other shape one flat tensor in SnapshotLayout's order, the blocks views of it.
/// Gradients are written out by hand (tests check them against autograd): each run's loss only reaches its own
/// slice, so no run's gradient sees another's. Optimizer state, learning rate, weight decay, clipping and pruning
/// masks are per run. Every op is either elementwise, a bmm over the run axis or a reduction within one run, so
/// a run computes the same numbers alone and in any population (tested bit for bit).
/// </summary>
public sealed class TorchPopulation : IPopulationEngine
{
    private readonly Tensor _params;
    private readonly PairLayout _layout;
    // <2,2,2> keeps the [3, P, R, 4] tensor and its ops as they always were, so its runs' numbers do not change.
    private readonly bool _square;
    private Tensor _m;
    private Tensor _v;
    private long _adamStep;

    public int Size { get; }
    public int Slots { get; }
    public Shape Shape => _layout.Shape;

    /// <summary>Parameters: [3, P, R, 4] for &lt;2,2,2&gt;, else flat in SnapshotLayout's order; read-only to callers by convention.</summary>
    public Tensor Parameters => _params;

    public TorchPopulation(float[] initial, int size, int slots) : this(initial, size, slots, Shape.Square2) { }

    public TorchPopulation(float[] initial, int size, int slots, Shape shape)
    {
        MklReproducibility.Ensure();
        var at = new SnapshotLayout(size, slots, shape);
        if (initial.Length != at.Length) throw new ArgumentException("initial parameters have the wrong length");
        Size = size;
        Slots = slots;
        _layout = new PairLayout(shape);
        _square = _layout == PairLayout.Square2;
        _params = torch.tensor(initial, _square ? new long[] { 3, size, slots, 4 } : new long[] { at.Length }, ScalarType.Float32);
        _m = torch.zeros_like(_params);
        _v = torch.zeros_like(_params);
    }

    /// <summary>Fresh Adam state, as constructing a new torch.optim.Adam(W) does.</summary>
    public void ResetOptimizer()
    {
        _m.zero_();
        _v.zero_();
        _adamStep = 0;
    }

    /// <summary>The U [P, R, n m], V [P, R, m p] and Wt [P, R, n p] views of a tensor laid out as the parameters.</summary>
    private Tensor[] Blocks(Tensor t)
    {
        if (_square) return [t[0], t[1], t[2]];
        var blocks = new Tensor[3];
        long offset = 0;
        int[] widths = [_layout.A, _layout.B, _layout.C];
        for (int k = 0; k < 3; k++)
        {
            long length = (long)Size * Slots * widths[k];
            blocks[k] = t.narrow(0, offset, length).view(Size, Slots, widths[k]);
            offset += length;
        }
        return blocks;
    }

    /// <summary>
    /// MSE loss gradients for one batch x [P, B, PairLayout.Width] (a, b, t per row). Returns G (laid out as the
    /// parameters) and the residual c - t [P, B, n p]. d/dc of mean((c - t)^2) over the B x n p outputs is 2 (c - t) / (n p B).
    /// </summary>
    public (Tensor Gradients, Tensor Residual) Gradients(Tensor x)
    {
        long batch = x.shape[1];
        var a = x.narrow(2, 0, _layout.A).contiguous();
        var b = x.narrow(2, _layout.BOffset, _layout.B).contiguous();
        var t = x.narrow(2, _layout.TOffset, _layout.C);
        var blocks = Blocks(_params);
        var u = blocks[0];
        var v = blocks[1];
        var wt = blocks[2];
        var ua = torch.bmm(a, u.transpose(1, 2));     // [P, B, R]
        var vb = torch.bmm(b, v.transpose(1, 2));
        var h = ua * vb;
        var c = torch.bmm(h, wt);                      // [P, B, n p]
        var residual = c - t;
        var dc = residual * (float)(2.0 / ((double)_layout.C * batch));
        var gw = torch.bmm(h.transpose(1, 2), dc);     // [P, R, n p]
        var dh = torch.bmm(dc, wt.transpose(1, 2));    // [P, B, R]
        var gu = torch.bmm((dh * vb).transpose(1, 2), a);
        var gv = torch.bmm((dh * ua).transpose(1, 2), b);
        var g = _square ? torch.stack(new[] { gu, gv, gw }, 0) : torch.cat(new[] { gu.reshape(-1), gv.reshape(-1), gw.reshape(-1) }, 0);
        return (g, residual);
    }

    /// <summary>
    /// torch.nn.utils.clip_grad_norm_ per run over its three parameter tensors: total = ||(||gU||, ||gV||, ||gW||)||,
    /// coefficient = min(1, maxNorm / (total + 1e-6)), applied always (as PyTorch does). Returns the totals [P].
    /// </summary>
    public Tensor ClipPerRun(Tensor g, double maxNorm)
    {
        if (_square)
        {
            var perTensor = g.reshape(3, Size, Slots * 4).square().sum(2).sqrt();   // [3, P]
            var squares = perTensor.square();
            var total = (squares[0] + squares[1] + squares[2]).sqrt();               // [P], summed in a fixed order
            var coefficient = ((float)maxNorm / (total + 1e-6f)).clamp_max(1.0f);
            g.mul_(coefficient.view(1, Size, 1, 1));
            return total;
        }
        var blocks = Blocks(g);
        var norms = blocks.Select(block => block.reshape(Size, -1).square().sum(1).sqrt().square()).ToArray();
        var totals = (norms[0] + norms[1] + norms[2]).sqrt();
        var coefficients = ((float)maxNorm / (totals + 1e-6f)).clamp_max(1.0f).view(Size, 1, 1);
        foreach (var block in blocks) block.mul_(coefficients);
        return totals;
    }

    /// <summary>
    /// One Adam / AdamW step with PyTorch's single-tensor semantics: decoupled decay p *= 1 - lr wd, m = lerp(m, g,
    /// 1 - beta1), v = beta2 v + (1 - beta2) g^2, denom = sqrt(v) / sqrt(1 - beta2^k) + eps, p += (-lr / (1 - beta1^k)) m / denom.
    /// lr and wd are per run (doubles, rounded to float as PyTorch rounds Python scalars).
    /// </summary>
    public void AdamStep(Tensor g, double[] lr, double[] weightDecay, double beta1, double beta2, double eps)
    {
        _adamStep++;
        double bc1 = 1 - Math.Pow(beta1, _adamStep);
        double bc2 = 1 - Math.Pow(beta2, _adamStep);
        var decay = new float[Size];
        var negStep = new float[Size];
        bool anyDecay = false;
        for (int p = 0; p < Size; p++)
        {
            decay[p] = (float)(1 - lr[p] * weightDecay[p]);
            anyDecay |= weightDecay[p] != 0;
            negStep[p] = (float)(-(lr[p] / bc1));
        }
        using var scope = torch.NewDisposeScope();
        if (anyDecay) _params.mul_(PerRun(decay));
        _m.lerp_(g, torch.tensor((float)(1 - beta1)));
        _v.mul_((float)beta2).addcmul_(g, g, (float)(1 - beta2));
        var denom = (_v.sqrt() / (float)Math.Sqrt(bc2)).add_((float)eps);
        _params.add_(_m * PerRun(negStep) / denom);
    }

    /// <summary>PyTorch's SGD without momentum, per run: g += wd p (coupled), p += -lr g (lr, wd rounded to float).</summary>
    public void SgdStep(Tensor g, double[] lr, double[] weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        if (weightDecay.Any(w => w != 0))
            g.add_(_params * PerRun(weightDecay.Select(w => (float)w).ToArray()));
        _params.add_(g * PerRun(lr.Select(l => (float)-l).ToArray()));
    }

    /// <summary>Multiplies each run's slots by factors [P, R] (decay-pruning; 1 leaves a slot unchanged bit for bit).</summary>
    public void ScaleSlots(float[] factors)
    {
        using var scope = torch.NewDisposeScope();
        if (_square)
        {
            _params.mul_(torch.tensor(factors, new long[] { 1, Size, Slots, 1 }));
            return;
        }
        // Per slot, as ZeroSlots does: each block's view broadcasts the [P, R, 1] factors over its row.
        var perSlot = torch.tensor(factors, new long[] { Size, Slots, 1 });
        foreach (var block in Blocks(_params)) block.mul_(perSlot);
    }

    /// <summary>Sets masked slots (bool [P, R], true = zero) of the parameters to +0.</summary>
    public void ZeroSlots(Tensor slotMask) => ZeroSlots(_params, slotMask);

    /// <summary>Sets masked slots (bool [P, R], true = zero) of t, laid out as the parameters, to +0.</summary>
    private void ZeroSlots(Tensor t, Tensor slotMask)
    {
        if (_square)
        {
            t.masked_fill_(slotMask.view(1, Size, Slots, 1), 0f);
            return;
        }
        using var scope = torch.NewDisposeScope();
        var mask = slotMask.view(Size, Slots, 1);
        foreach (var block in Blocks(t)) block.masked_fill_(mask, 0f);
    }

    /// <summary>One value per run, broadcast over the run's parameters ([1, P, 1, 1] or spread over the flat layout).</summary>
    private Tensor PerRun(float[] values) =>
        _square ? torch.tensor(values, new long[] { 1, Size, 1, 1 }) : torch.tensor(Spread(values));

    /// <summary>
    /// One value per run ([P]) to one value per parameter in the flat layout: elementwise ops on the whole tensor
    /// (Adam's m, v and denominator included) then need no broadcasting rules of their own.
    /// </summary>
    private T[] Spread<T>(T[] values)
    {
        var at = new SnapshotLayout(Size, Slots, Shape);
        var spread = new T[at.Length];
        int a = Slots * _layout.A, b = Slots * _layout.B, c = Slots * _layout.C;
        for (int run = 0; run < Size; run++)
        {
            spread.AsSpan(at.U(run), a).Fill(values[run]);
            spread.AsSpan(at.V(run), b).Fill(values[run]);
            spread.AsSpan(at.Wt(run), c).Fill(values[run]);
        }
        return spread;
    }

    public double[]? Step(StepPlan plan)
    {
        using var scope = torch.NewDisposeScope();
        if (plan.DecaySlot is not null) ScaleSlots(plan.DecayFactors(Size, Slots));
        int rowWidth = _layout.Width;
        var buffer = new float[Size * plan.Rows * rowWidth];
        int width = plan.Rows * rowWidth;
        Parallel.For(0, Size, i => plan.Fill(i, buffer.AsSpan(i * width, width)));
        var x = torch.tensor(buffer, new long[] { Size, plan.Rows, rowWidth });
        var (g, residual) = Gradients(x);
        if (plan.ZeroGradients is not null) ZeroSlots(g, torch.tensor(StepPlan.Expand(plan.ZeroGradients, Slots), new long[] { Size, Slots }));
        if (plan.ClipNorm is double clip) ClipPerRun(g, clip);
        if (plan.Optimizer == OptimizerKind.Sgd) SgdStep(g, plan.LearningRates(Size), plan.WeightDecay);
        else AdamStep(g, plan.LearningRates(Size), plan.WeightDecay, plan.Beta1, plan.Beta2, plan.Eps);
        if (plan.ZeroAfter is not null) ZeroSlots(torch.tensor(StepPlan.Expand(plan.ZeroAfter, Slots), new long[] { Size, Slots }));
        if (!plan.WantLoss) return null;
        var res = residual.data<float>().ToArray();
        var loss = new double[Size];
        int per = plan.Rows * _layout.C;
        for (int i = 0; i < Size; i++)
        {
            double sum = 0;
            for (int k = i * per; k < (i + 1) * per; k++) sum += (double)res[k] * res[k];
            loss[i] = sum / per;
        }
        return loss;
    }

    /// <summary>Copies the parameters out in SnapshotLayout's order (for &lt;2,2,2&gt;: [3, P, R, 4] flat).</summary>
    public float[] Snapshot() => _params.data<float>().ToArray();

    /// <summary>Overwrites the parameters of the runs where keep[p] is true with values from a snapshot.</summary>
    public void Restore(float[] snapshot, bool[] keep)
    {
        using var scope = torch.NewDisposeScope();
        var saved = torch.tensor(snapshot, _params.shape);
        var mask = _square ? torch.tensor(keep, new long[] { 1, Size, 1, 1 }) : torch.tensor(Spread(keep));
        _params.copy_(torch.where(mask, saved, _params));
    }

    public void Dispose()
    {
        _params.Dispose();
        _m.Dispose();
        _v.Dispose();
    }
}
