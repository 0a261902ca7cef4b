using ILGPU;
using ILGPU.Runtime;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

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

    private readonly PairLayout _layout;

    public int Size { get; }
    public int Slots { get; }
    private int Block => _layout.ParameterRows * Slots;

    /// <summary>StepKernels.Fast (R = 8, &lt;2,2,2&gt;, registers) or Generic (any R and shape, through memory).</summary>
    private bool Fast => Slots == 8 && _layout == PairLayout.Square2;

    /// <param name="initial">The snapshot layout (SnapshotLayout: U, V, Wt).</param>
    /// <param name="seeds">Each run's data key (RunConfig.DataKey: the key of its data streams).</param>
    /// <param name="trainSets">Fixed data: each run's training set (N rows of PairLayout.Width floats); null for fresh data.</param>
    /// <param name="shape">The product the runs learn.</param>
    public GpuPopulation(GpuDevice device, float[] initial, int size, int slots, long[] seeds, float[][]? trainSets,
        Shape? shape = null)
    {
        if (slots > StepKernels.MaxSlots) throw new ArgumentException($"the gpu engine takes at most {StepKernels.MaxSlots} slots");
        _layout = new PairLayout(shape ?? Shape.Square2);
        _device = device;
        _acc = device.Accelerator;
        Size = size;
        Slots = slots;
        long parameters = (long)size * Block;
        _p = _acc.Allocate1D<float>(parameters);
        _m = _acc.Allocate1D<float>(parameters);
        _v = _acc.Allocate1D<float>(parameters);
        _g = _acc.Allocate1D<float>(Fast ? 1 : parameters);
        _seed = _acc.Allocate1D(seeds);
        _baseLr = _acc.Allocate1D<double>(size);
        _wd = _acc.Allocate1D<double>(size);
        _loss = _acc.Allocate1D<double>(size);
        _decaySlot = _acc.Allocate1D<int>(size);
        _zeroGradients = _acc.Allocate1D<ulong>(size);
        _zeroAfter = _acc.Allocate1D<ulong>(size);
        _fixedSize = trainSets is null ? 0 : trainSets[0].Length / _layout.Width;
        _trainSet = _acc.Allocate1D<float>(Math.Max(1, (long)size * _fixedSize * _layout.Width));
        _order = _acc.Allocate1D<int>(Math.Max(1, (long)size * _fixedSize));
        if (trainSets is not null)
            for (int run = 0; run < size; run++)
                _trainSet.View.SubView((long)run * _fixedSize * _layout.Width, trainSets[run].Length).CopyFromCPU(trainSets[run]);
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
            N = _layout.Shape.N,
            M = _layout.Shape.M,
            P = _layout.Shape.P,
            ASize = _layout.A,
            BSize = _layout.B,
            CSize = _layout.C,
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
        if (Fast) _device.Fast(launch, scalars, Views);
        else _device.Generic(launch, scalars, Views, Slots);
        if (!plan.WantLoss) return null;
        _acc.Synchronize();
        return _loss.GetAsArray1D();
    }

    private PopulationViews Views => new()
    {
        P = _p.View,
        M = _m.View,
        V = _v.View,
        G = _g.View,
        Seed = _seed.View,
        BaseLr = _baseLr.View,
        WeightDecay = _wd.View,
        DecaySlot = _decaySlot.View,
        ZeroGradients = _zeroGradients.View,
        ZeroAfter = _zeroAfter.View,
        Loss = _loss.View,
        TrainSet = _trainSet.View,
        Order = _order.View,
        K24 = _k24.View,
        W24 = _w24.View,
        F = _f.View,
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
        var at = new SnapshotLayout(Size, Slots, _layout.Shape);
        var snapshot = new float[at.Length];
        Parallel.For(0, Size, run => Transpose(p, snapshot, at, run, toSnapshot: true));
        return snapshot;
    }

    public void Restore(float[] snapshot, bool[] keep) => Upload(snapshot, keep);

    /// <summary>A snapshot into the device layout, for the runs where keep is true (all when null).</summary>
    private void Upload(float[] snapshot, bool[]? keep)
    {
        _acc.Synchronize();
        var p = keep is null ? new float[_p.Length] : _p.GetAsArray1D();
        var at = new SnapshotLayout(Size, Slots, _layout.Shape);
        Parallel.For(0, Size, run =>
        {
            if (keep is null || keep[run]) Transpose(p, snapshot, at, run, toSnapshot: false);
        });
        _p.CopyFromCPU(p);
    }

    /// <summary>One run between the device's index-major rows ([rows R][P]) and the snapshot's slot-major blocks.</summary>
    private void Transpose(float[] device, float[] snapshot, SnapshotLayout at, int run, bool toSnapshot)
    {
        int r = Slots, a = _layout.A, b = _layout.B, c = _layout.C;
        for (int s = 0; s < r; s++)
        {
            for (int x = 0; x < a; x++) Move(device, (x * r + s) * Size + run, snapshot, at.U(run) + s * a + x, toSnapshot);
            for (int y = 0; y < b; y++) Move(device, ((a + y) * r + s) * Size + run, snapshot, at.V(run) + s * b + y, toSnapshot);
            for (int z = 0; z < c; z++)
                Move(device, ((a + b + z) * r + s) * Size + run, snapshot, at.Wt(run) + s * c + z, toSnapshot);
        }
    }

    private static void Move(float[] device, int i, float[] snapshot, int j, bool toSnapshot)
    {
        if (toSnapshot) snapshot[j] = device[i];
        else device[i] = snapshot[j];
    }

    public void Dispose()
    {
        foreach (var buffer in new MemoryBuffer[] { _p, _m, _v, _g, _trainSet, _seed, _baseLr, _wd, _loss, _w24, _f, _decaySlot, _order, _k24, _zeroGradients, _zeroAfter })
            buffer.Dispose();
    }
}
