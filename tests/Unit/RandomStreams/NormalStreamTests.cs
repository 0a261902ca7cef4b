using System.Security.Cryptography;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.RandomStreams;

/// <summary>
/// The training data's random streams. Every stored run's numbers depend on them, so besides their distribution the
/// tests pin the exact values: a hash of long sequences (slow paths of the ziggurat included) recorded once.
/// </summary>
[Trait("Category", "Fast")]
public class NormalStreamTests
{
    [Fact]
    public void The_ziggurat_draws_have_mean_0_variance_1_and_normal_tails()
    {
        var stream = new NormalStream(StreamKey.Of(1, StreamKey.TrainBatch, 0));
        const int n = 400_000;
        double sum = 0, sq = 0;
        int beyond2 = 0, beyond3 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = stream.NextNormal();
            sum += x;
            sq += x * x;
            if (Math.Abs(x) > 2) beyond2++;
            if (Math.Abs(x) > 3) beyond3++;
        }
        (sum / n).Should().BeApproximately(0, 0.01);
        (sq / n).Should().BeApproximately(1, 0.01);
        ((double)beyond2 / n).Should().BeApproximately(0.0455, 0.002);
        ((double)beyond3 / n).Should().BeApproximately(0.0027, 0.0005);
    }

    [Fact]
    public void Stream_keys_separate_seeds_streams_and_counters()
    {
        var keys = new[] { StreamKey.Of(1, 2, 3), StreamKey.Of(2, 2, 3), StreamKey.Of(1, 3, 3), StreamKey.Of(1, 2, 4) };
        keys.Distinct().Should().HaveCount(4);
        StreamKey.Of(1, 2, 3).Should().Be(StreamKey.Of(1, 2, 3));
        StreamKey.Of(0, 0, 0).Should().Be(0x238275BC38FCBE91UL, "SplitMix64 applied three times to 0");
    }

    [Fact]
    public void The_streams_give_the_values_every_stored_run_was_trained_on()
    {
        Hash(n => { var s = new NormalStream(StreamKey.Of(7, StreamKey.TrainBatch, 11)); return Enumerable.Range(0, n).Select(_ => s.NextNormal()); })
            .Should().Be(GoldenNormal);
        Hash(n =>
        {
            var s = new NormalStream(StreamKey.Of(3, StreamKey.TestSet, 0));
            return Enumerable.Range(0, n).SelectMany(_ => { s.NextNormalPair(out float a, out float b); return new double[] { a, b }; });
        }).Should().Be(GoldenPairs);
        Hash(n => { var s = new NormalStream(99); return Enumerable.Range(0, n).Select(_ => s.NextUniform()); }).Should().Be(GoldenUniform);
    }

    // Recorded from the implementation that trained the stored runs (SHA-256 of 200,000 values' bits, hex, first 16).
    private const string GoldenNormal = "a1637be5709efd8d";
    private const string GoldenPairs = "79a2ab73b2702dfc";
    private const string GoldenUniform = "75febb2341788f87";

    private static string Hash(Func<int, IEnumerable<double>> values)
    {
        var bytes = values(200_000).SelectMany(x => BitConverter.GetBytes(x)).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }
}
