using BenchmarkDotNet.Attributes;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Bench;

/// <summary>Zero-shot transfer with the scheme's own coefficients at every level: 64x64 and 1024x1024.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TransferBenchmarks
{
    private readonly Scheme _strassen = KnownSchemes.Strassen();
    private double[] _a = [], _b = [];
    private float[] _af = [], _bf = [];

    [Params(6, 10)]
    public int Levels { get; set; }

    private int Size => 1 << Levels;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new GaussianSource(1);
        _a = Enumerable.Range(0, Size * Size).Select(_ => rng.NextGaussian()).ToArray();
        _b = Enumerable.Range(0, Size * Size).Select(_ => rng.NextGaussian()).ToArray();
        _af = _a.Select(x => (float)x).ToArray();
        _bf = _b.Select(x => (float)x).ToArray();
    }

    [Benchmark]
    public double[] Recursive_float64() => new RecursiveMultiplier<double>(_strassen).Multiply(_a, _b, Levels);

    [Benchmark]
    public float[] Recursive_float32() => new RecursiveMultiplier<float>(_strassen).Multiply(_af, _bf, Levels);

    [Benchmark(Baseline = true)]
    public double[] Naive_float64_reference() => TransferTest.NaiveProduct(_a, _b, Size, Size, Size);

    [Benchmark]
    public int Whole_transfer_row() => TransferTest.Run(_strassen, [Levels]).Count;

    /// <summary>The exact transfer at the same size (int64 for Strassen): what VALID rests on.</summary>
    [Benchmark]
    public int Exact_transfer_row() => ExactTransfer.Run(RationalScheme.FromDyadic(_strassen)!, [Levels]).Count;
}
