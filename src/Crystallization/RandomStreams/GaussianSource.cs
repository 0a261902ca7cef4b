namespace StrassenRepro.Crystallization.RandomStreams;

/// <summary>
/// A deterministic N(0,1) stream (SplitMix64 + Box-Muller), written out here so that golden transfer
/// tables do not depend on the runtime's Random implementation.
/// </summary>
public sealed class GaussianSource
{
    private ulong _state;
    private double? _spare;

    public GaussianSource(ulong seed) => _state = seed;

    public ulong NextULong() => SplitMix64.Next(ref _state);

    /// <summary>Uniform in (0, 1), never 0.</summary>
    public double NextUniform() => SplitMix64.Uniform(NextULong());

    /// <summary>count N(0,1) values rounded to float32 (kept as doubles): inputs that float32 and float64 runs share.</summary>
    public double[] NextFloat32Values(int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = (float)NextGaussian();
        return values;
    }

    public double NextGaussian()
    {
        if (_spare is double s)
        {
            _spare = null;
            return s;
        }
        double radius = Math.Sqrt(-2.0 * Math.Log(NextUniform()));
        double angle = 2.0 * Math.PI * NextUniform();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }
}
