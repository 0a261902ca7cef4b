using TorchSharp;
using static TorchSharp.torch;

namespace StrassenRepro.Model;

/// <summary>
/// P runs of the bilinear model c = W((U a) * (V b)) trained as one batched program. Parameters live in one float32
/// tensor [3, P, R, 4]: U, V and W transposed (Wt[r, z] = W[z, r]); each of the three is a contiguous [P, R, 4]
/// block, so every product is a bmm over the run axis without copies.
/// Gradients are written out by hand (tests check them against autograd): each run's loss only reaches its own
/// slice, so no run's gradient sees another's. Optimizer state, learning rate, weight decay, clipping and pruning
/// masks are per run. Every op is either elementwise, a bmm over the run axis or a reduction within one run, so
/// a run computes the same numbers alone and in any population (tested bit for bit).
/// </summary>
public sealed class TorchPopulation : IPopulationEngine
{
    private readonly Tensor _params;
    private Tensor _m;
    private Tensor _v;
    private long _adamStep;

    public int Size { get; }
    public int Slots { get; }

    /// <summary>Parameters [3, P, R, 4]; read-only to callers by convention.</summary>
    public Tensor Parameters => _params;

    public TorchPopulation(float[] initial, int size, int slots)
    {
        if (initial.Length != size * 3 * slots * 4) throw new ArgumentException("initial parameters have the wrong length");
        Size = size;
        Slots = slots;
        _params = torch.tensor(initial, new long[] { 3, size, slots, 4 }, ScalarType.Float32);
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

    /// <summary>
    /// MSE loss gradients for one batch x [P, B, 12] (a, b, t per row). Returns G [3, P, R, 4] and the residual
    /// c - t [P, B, 4]. d/dc of mean((c - t)^2) over the B x 4 outputs is 2 (c - t) / (4 B).
    /// </summary>
    public (Tensor Gradients, Tensor Residual) Gradients(Tensor x)
    {
        long batch = x.shape[1];
        var a = x.narrow(2, 0, 4).contiguous();
        var b = x.narrow(2, 4, 4).contiguous();
        var t = x.narrow(2, 8, 4);
        var u = _params[0];
        var v = _params[1];
        var wt = _params[2];
        var ua = torch.bmm(a, u.transpose(1, 2));     // [P, B, R]
        var vb = torch.bmm(b, v.transpose(1, 2));
        var h = ua * vb;
        var c = torch.bmm(h, wt);                      // [P, B, 4]
        var residual = c - t;
        var dc = residual * (float)(2.0 / (4.0 * batch));
        var gw = torch.bmm(h.transpose(1, 2), dc);     // [P, R, 4]
        var dh = torch.bmm(dc, wt.transpose(1, 2));    // [P, B, R]
        var gu = torch.bmm((dh * vb).transpose(1, 2), a);
        var gv = torch.bmm((dh * ua).transpose(1, 2), b);
        return (torch.stack(new[] { gu, gv, gw }, 0), residual);
    }

    /// <summary>
    /// torch.nn.utils.clip_grad_norm_ per run over its three parameter tensors: total = ||(||gU||, ||gV||, ||gW||)||,
    /// coefficient = min(1, maxNorm / (total + 1e-6)), applied always (as PyTorch does). Returns the totals [P].
    /// </summary>
    public Tensor ClipPerRun(Tensor g, double maxNorm)
    {
        var perTensor = g.reshape(3, Size, Slots * 4).square().sum(2).sqrt();   // [3, P]
        var squares = perTensor.square();
        var total = (squares[0] + squares[1] + squares[2]).sqrt();               // [P], summed in a fixed order
        var coefficient = ((float)maxNorm / (total + 1e-6f)).clamp_max(1.0f);
        g.mul_(coefficient.view(1, Size, 1, 1));
        return total;
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
        if (anyDecay) _params.mul_(torch.tensor(decay, new long[] { 1, Size, 1, 1 }));
        _m.lerp_(g, torch.tensor((float)(1 - beta1)));
        _v.mul_((float)beta2).addcmul_(g, g, (float)(1 - beta2));
        var denom = (_v.sqrt() / (float)Math.Sqrt(bc2)).add_((float)eps);
        _params.add_(_m * torch.tensor(negStep, new long[] { 1, Size, 1, 1 }) / denom);
    }

    /// <summary>PyTorch's SGD without momentum, per run: g += wd p (coupled), p += -lr g (lr, wd rounded to float).</summary>
    public void SgdStep(Tensor g, double[] lr, double[] weightDecay)
    {
        using var scope = torch.NewDisposeScope();
        if (weightDecay.Any(w => w != 0))
            g.add_(_params * torch.tensor(weightDecay.Select(w => (float)w).ToArray(), new long[] { 1, Size, 1, 1 }));
        _params.add_(g * torch.tensor(lr.Select(l => (float)-l).ToArray(), new long[] { 1, Size, 1, 1 }));
    }

    /// <summary>Multiplies each run's slots by factors [P, R] (decay-pruning; 1 leaves a slot unchanged bit for bit).</summary>
    public void ScaleSlots(float[] factors)
    {
        using var scope = torch.NewDisposeScope();
        _params.mul_(torch.tensor(factors, new long[] { 1, Size, Slots, 1 }));
    }

    /// <summary>Sets masked slots (bool [P, R], true = zero) of the parameters to +0.</summary>
    public void ZeroSlots(Tensor slotMask) => _params.masked_fill_(slotMask.view(1, Size, Slots, 1), 0f);

    public double[]? Step(StepPlan plan)
    {
        using var scope = torch.NewDisposeScope();
        if (plan.DecaySlot is not null) ScaleSlots(plan.DecayFactors(Size, Slots));
        var buffer = new float[Size * plan.Rows * Pairs.Width];
        int width = plan.Rows * Pairs.Width;
        Parallel.For(0, Size, i => plan.Fill(i, buffer.AsSpan(i * width, width)));
        var x = torch.tensor(buffer, new long[] { Size, plan.Rows, Pairs.Width });
        var (g, residual) = Gradients(x);
        if (plan.ZeroGradients is not null) g.masked_fill_(torch.tensor(StepPlan.Expand(plan.ZeroGradients, Slots), new long[] { 1, Size, Slots, 1 }), 0f);
        if (plan.ClipNorm is double clip) ClipPerRun(g, clip);
        if (plan.Optimizer == OptimizerKind.Sgd) SgdStep(g, plan.LearningRates(Size), plan.WeightDecay);
        else AdamStep(g, plan.LearningRates(Size), plan.WeightDecay, plan.Beta1, plan.Beta2, plan.Eps);
        if (plan.ZeroAfter is not null) ZeroSlots(torch.tensor(StepPlan.Expand(plan.ZeroAfter, Slots), new long[] { Size, Slots }));
        if (!plan.WantLoss) return null;
        var res = residual.data<float>().ToArray();
        var loss = new double[Size];
        int per = plan.Rows * 4;
        for (int i = 0; i < Size; i++)
        {
            double sum = 0;
            for (int k = i * per; k < (i + 1) * per; k++) sum += (double)res[k] * res[k];
            loss[i] = sum / per;
        }
        return loss;
    }

    /// <summary>Copies the parameters out, [3, P, R, 4] flat.</summary>
    public float[] Snapshot() => _params.data<float>().ToArray();

    /// <summary>Overwrites the parameters of the runs where keep[p] is true with values from a snapshot.</summary>
    public void Restore(float[] snapshot, bool[] keep)
    {
        using var scope = torch.NewDisposeScope();
        var saved = torch.tensor(snapshot, new long[] { 3, Size, Slots, 4 });
        var mask = torch.tensor(keep, new long[] { 1, Size, 1, 1 });
        _params.copy_(torch.where(mask, saved, _params));
    }

    public void Dispose()
    {
        _params.Dispose();
        _m.Dispose();
        _v.Dispose();
    }
}
