using ILGPU;
using ILGPU.Runtime;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// The population engine on an ILGPU accelerator: parameters, Adam moments and (fixed data) training sets live on the
/// device; each step is one kernel launch, one run per thread, drawing its own batch from its own stream
/// (DeviceNormals), so only per-phase arrays and a few scalars cross to the device. Results equal the cpu engine's on
/// ILGPU's CPU accelerator, and to float rounding on a GPU (StepKernels).
/// </summary>
public sealed class GpuPopulation : IPopulationEngine
{
    private readonly GpuDevice _device;
    private readonly Accelerator _acc;
    private readonly int _fixedSize;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _p, _m, _v, _g, _trainSet;
    private readonly MemoryBuffer1D<long, Stride1D.Dense> _seed;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _baseLr, _wd, _loss, _w24, _f;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _decaySlot, _order, _k24;
    private readonly MemoryBuffer1D<ulong, Stride1D.Dense> _zeroGradients, _zeroAfter;
    private readonly Dictionary<object, object> _uploaded = new(ReferenceEqualityComparer.Instance);
    private long _adamStep;
    private long _orderKey = -1;

    public int Size { get; }
    public int Slots { get; }
    private int Block => 12 * Slots;

    /// <param name="initial">[3, P, R, 4] (U, V, Wt).</param>
    /// <param name="seeds">Each run's data key (RunConfig.DataKey: the key of its data streams).</param>
    /// <param name="trainSets">Fixed data: each run's training set (N rows of 12 floats); null for fresh data.</param>
    public GpuPopulation(GpuDevice device, float[] initial, int size, int slots, long[] seeds, float[][]? trainSets)
    {
        if (slots > StepKernels.MaxSlots) throw new ArgumentException($"the gpu engine takes at most {StepKernels.MaxSlots} slots");
        _device = device;
        _acc = device.Accelerator;
        Size = size;
        Slots = slots;
        long parameters = (long)size * Block;
        _p = _acc.Allocate1D<float>(parameters);
        _m = _acc.Allocate1D<float>(parameters);
        _v = _acc.Allocate1D<float>(parameters);
        _g = _acc.Allocate1D<float>(slots == 8 ? 1 : parameters);
        _seed = _acc.Allocate1D(seeds);
        _baseLr = _acc.Allocate1D<double>(size);
        _wd = _acc.Allocate1D<double>(size);
        _loss = _acc.Allocate1D<double>(size);
        _decaySlot = _acc.Allocate1D<int>(size);
        _zeroGradients = _acc.Allocate1D<ulong>(size);
        _zeroAfter = _acc.Allocate1D<ulong>(size);
        _fixedSize = trainSets is null ? 0 : trainSets[0].Length / Pairs.Width;
        _trainSet = _acc.Allocate1D<float>(Math.Max(1, (long)size * _fixedSize * Pairs.Width));
        _order = _acc.Allocate1D<int>(Math.Max(1, (long)size * _fixedSize));
        if (trainSets is not null)
            for (int run = 0; run < size; run++)
                _trainSet.View.SubView((long)run * _fixedSize * Pairs.Width, trainSets[run].Length).CopyFromCPU(trainSets[run]);
        _k24 = _acc.Allocate1D(NormalStream.Ziggurat.K24Int);
        _w24 = _acc.Allocate1D(NormalStream.Ziggurat.W24);
        _f = _acc.Allocate1D(NormalStream.Ziggurat.F);
        ResetOptimizer();
        Upload(initial, null);
    }

    public void ResetOptimizer()
    {
        _m.MemSetToZero();
        _v.MemSetToZero();
        _acc.Synchronize();
        _adamStep = 0;
    }

    public double[]? Step(StepPlan plan)
    {
        _adamStep++;
        if (_fixedSize > 0) Shuffle(plan.Batch);
        Send(plan.BaseLr, _baseLr);
        Send(plan.WeightDecay, _wd);
        if (plan.DecaySlot is not null) Send(plan.DecaySlot, _decaySlot);
        if (plan.ZeroGradients is not null) Send(plan.ZeroGradients, _zeroGradients);
        if (plan.ZeroAfter is not null) Send(plan.ZeroAfter, _zeroAfter);
        var scalars = new StepScalars
        {
            Runs = Size,
            Rows = plan.Rows,
            Stream = plan.Batch.Stream,
            Step = plan.Batch.Step,
            Offset = plan.Batch.Offset,
            FixedSize = _fixedSize,
            HasLrTerm = plan.LrTerm is null ? 0 : 1,
            LrTerm = plan.LrTerm ?? 0,
            EtaMin = plan.EtaMin,
            // The cpu engine's bias corrections and float conversions, computed once here.
            Bc1 = 1 - Math.Pow(plan.Beta1, _adamStep),
            Bc2Sqrt = (float)Math.Sqrt(1 - Math.Pow(plan.Beta2, _adamStep)),
            W1 = (float)(1 - plan.Beta1),
            Beta2 = (float)plan.Beta2,
            W2 = (float)(1 - plan.Beta2),
            Eps = (float)plan.Eps,
            HasClip = plan.ClipNorm is null ? 0 : 1,
            Clip = (float)(plan.ClipNorm ?? 0),
            HasDecay = plan.DecaySlot is null ? 0 : 1,
            Decay = plan.Decay,
            HasZeroGradients = plan.ZeroGradients is null ? 0 : 1,
            HasZeroAfter = plan.ZeroAfter is null ? 0 : 1,
            WantLoss = plan.WantLoss ? 1 : 0,
            Sgd = plan.Optimizer == OptimizerKind.Sgd ? 1 : 0,
        };
        var launch = _device.Launch(Size);
        if (Slots == 8) _device.Fast(launch, scalars, Views);
        else _device.Generic(launch, scalars, Views, Slots);
        if (!plan.WantLoss) return null;
        _acc.Synchronize();
        return _loss.GetAsArray1D();
    }

    private PopulationViews Views => new()
    {
        P = _p.View, M = _m.View, V = _v.View, G = _g.View, Seed = _seed.View,
        BaseLr = _baseLr.View, WeightDecay = _wd.View, DecaySlot = _decaySlot.View,
        ZeroGradients = _zeroGradients.View, ZeroAfter = _zeroAfter.View, Loss = _loss.View,
        TrainSet = _trainSet.View, Order = _order.View, K24 = _k24.View, W24 = _w24.View, F = _f.View,
    };

    /// <summary>Fixed data: the runs' permutations for this batch's (stream, epoch), drawn when they change (RunData.OrderOf's key).</summary>
    private void Shuffle(BatchKey batch)
    {
        long key = batch.Epoch * 16 + (long)batch.Stream;
        if (key == _orderKey) return;
        _device.Shuffle(_device.Launch(Size), Size, _fixedSize, key, _seed.View, _order.View);
        _orderKey = key;
    }

    /// <summary>Uploads a per-run array unless this very array was the last one uploaded there (plans never change theirs).</summary>
    private void Send<T>(T[] values, MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged
    {
        if (_uploaded.TryGetValue(buffer, out var last) && ReferenceEquals(last, values)) return;
        buffer.CopyFromCPU(values);
        _uploaded[buffer] = values;
    }

    public void Synchronize() => _acc.Synchronize();

    public float[] Snapshot()
    {
        _acc.Synchronize();
        var p = _p.GetAsArray1D();
        int r = Slots, stride = Size * r * 4;
        var snapshot = new float[3 * stride];
        Parallel.For(0, Size, run =>
        {
            for (int s = 0; s < r; s++)
                for (int x = 0; x < 4; x++)
                {
                    int at = run * r * 4 + s * 4 + x;
                    snapshot[at] = p[(x * r + s) * Size + run];
                    snapshot[stride + at] = p[((4 + x) * r + s) * Size + run];
                    snapshot[2 * stride + at] = p[((8 + x) * r + s) * Size + run];
                }
        });
        return snapshot;
    }

    public void Restore(float[] snapshot, bool[] keep) => Upload(snapshot, keep);

    /// <summary>[3, P, R, 4] (U, V, Wt) into the device layout, for the runs where keep is true (all when null).</summary>
    private void Upload(float[] snapshot, bool[]? keep)
    {
        _acc.Synchronize();
        var p = keep is null ? new float[_p.Length] : _p.GetAsArray1D();
        int r = Slots, stride = Size * r * 4;
        Parallel.For(0, Size, run =>
        {
            if (keep is not null && !keep[run]) return;
            for (int s = 0; s < r; s++)
                for (int x = 0; x < 4; x++)
                {
                    int at = run * r * 4 + s * 4 + x;
                    p[(x * r + s) * Size + run] = snapshot[at];
                    p[((4 + x) * r + s) * Size + run] = snapshot[stride + at];
                    p[((8 + x) * r + s) * Size + run] = snapshot[2 * stride + at];
                }
        });
        _p.CopyFromCPU(p);
    }

    public void Dispose()
    {
        foreach (var buffer in new MemoryBuffer[] { _p, _m, _v, _g, _trainSet, _seed, _baseLr, _wd, _loss, _w24, _f, _decaySlot, _order, _k24, _zeroGradients, _zeroAfter })
            buffer.Dispose();
    }
}
