using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The random pairs an upstream test draws for one stored run: a stream keyed by the run's configuration hash and the
/// test (salt), so a report rebuilt from the same store gives the same numbers.
/// </summary>
public static class RunStreams
{
    public static GaussianSource For(string configHash, ulong salt) =>
        new(Convert.ToUInt64(configHash[..16], 16) ^ salt);
}
