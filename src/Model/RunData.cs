using StrassenRepro.Crystallization.RandomStreams;
namespace StrassenRepro.Model;

/// <summary>
/// One run's data, every number a function of (data key, stream, counter) (the data key is the seed unless DataSeed says
/// otherwise): fresh batches, the fixed training set with
/// its per-epoch shuffles, and the fixed test set. Nothing here depends on the population the run is in.
/// </summary>
public sealed class RunData
{
    private readonly long _seed;
    private readonly PairLayout _layout;
    private readonly bool _vectorisedPairs;
    private readonly float[]? _trainSet;
    private int[]? _order;
    private long _orderEpoch = -1;

    public DataMode Mode { get; }

    public PairLayout Layout => _layout;

    /// <summary>Fixed data: the N training rows (PairLayout.Width floats each); null for fresh data.</summary>
    public float[]? TrainingSet => _trainSet;

    /// <summary>TestSamples rows of PairLayout.Width floats.</summary>
    public float[] TestSet { get; }

    /// <param name="vectorisedPairs">Pairs.Draw's vectorised draw (the same numbers as the scalar one).</param>
    public RunData(RunConfig config, bool vectorisedPairs = true)
    {
        _seed = config.DataKey;
        _vectorisedPairs = vectorisedPairs;
        _layout = config.Layout;
        Mode = config.DataMode;
        TestSet = new float[config.TestSamples * _layout.Width];
        Pairs.Draw(TestSet, StreamKey.Of(_seed, StreamKey.TestSet, 0), _layout, _vectorisedPairs);
        if (Mode.FixedSize is int n)
        {
            _trainSet = new float[n * _layout.Width];
            Pairs.Draw(_trainSet, StreamKey.Of(_seed, StreamKey.TrainSet, 0), _layout, _vectorisedPairs);
        }
    }

    /// <summary>
    /// The batch of one optimizer step. Fresh: a new draw keyed by (stream, step). Fixed: rows
    /// [offset, offset + rows) of the epoch's permutation (Fisher-Yates keyed by (shuffle stream, epoch)).
    /// </summary>
    public void FillBatch(Span<float> dest, BatchKey key)
    {
        if (_trainSet is null)
        {
            Pairs.Draw(dest, StreamKey.Of(_seed, key.Stream, key.Step), _layout, _vectorisedPairs);
            return;
        }
        var order = OrderOf(key.Stream, key.Epoch);
        int offset = key.Offset;
        int rows = dest.Length / _layout.Width;
        for (int i = 0; i < rows; i++)
            _trainSet.AsSpan(order[offset + i] * _layout.Width, _layout.Width).CopyTo(dest.Slice(i * _layout.Width));
    }

    private int[] OrderOf(ulong stream, long epoch)
    {
        // Phase 1 and Phase 2 shuffle with separate keys; the epoch number keeps them apart within a phase.
        long key = epoch * 16 + (long)stream;
        if (_order is not null && _orderEpoch == key) return _order;
        int n = _trainSet!.Length / _layout.Width;
        _order ??= new int[n];
        for (int i = 0; i < n; i++) _order[i] = i;
        var rng = new NormalStream(StreamKey.Of(_seed, StreamKey.Shuffle, key));
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(rng.NextULong() % (ulong)(i + 1));
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        _orderEpoch = key;
        return _order;
    }

    /// <summary>Probe pairs for kappa at a step: their own stream, so measuring never shifts the training data.</summary>
    public float[] KappaProbe(int samples, long step)
    {
        var probe = new float[samples * _layout.Width];
        Pairs.Draw(probe, StreamKey.Of(_seed, StreamKey.KappaProbe, step), _layout, _vectorisedPairs);
        return probe;
    }
}
