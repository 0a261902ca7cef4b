using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Model.Search;

/// <summary>
/// Runs of the `als` protocol: random factors, alternating least squares with a shrinking ridge until the Brent
/// residual is small, then AlternatingRounding to an exact integer scheme. Restarts are new seeds.
/// </summary>
public static class AlsSearch
{
    /// <summary>The seed's own random stream (SplitMix64 keyed by the seed: no two seeds share a start).</summary>
    public static GaussianSource Stream(long seed) => new(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL));

    public static AlsRun Run(Shape shape, int rank, long seed, AlsProtocol p, CancellationToken cancel = default)
    {
        var f = AlternatingFactors.Random(shape, rank, p.InitScale, Stream(seed));
        double ridge = p.Ridge, residual = double.PositiveInfinity;
        int sweep = 0;
        while (sweep < p.FitSweeps)
        {
            cancel.ThrowIfCancellationRequested();
            for (int k = 0; k < 3; k++) f.Update(k, ridge, 0, 0, p.Rounding.MaxMagnitude);
            sweep++;
            ridge = Math.Max(p.RidgeFloor, ridge * p.RidgeDecay);
            if (sweep % p.CheckEvery != 0) continue;
            residual = f.Residual().SquaredNorm;
            if (!(residual > p.FitResidual)) break;   // small enough, or not finite
            f.Balance();
        }
        residual = f.IsFinite ? f.Residual().SquaredNorm : double.PositiveInfinity;
        bool fitted = residual <= p.RoundBelow;
        var point = fitted ? f.ToScheme() : null;
        var exact = fitted ? AlternatingRounding.TryRound(f, p.Rounding, cancel) : null;
        return new AlsRun(seed, sweep, residual, fitted, exact) { FittedPoint = point };
    }
}
