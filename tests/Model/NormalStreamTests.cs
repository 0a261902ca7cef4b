using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

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
    public void Training_pairs_have_standard_normal_entries_and_t_equal_to_A_times_B()
    {
        const int rows = 50_000;
        var pairs = new float[rows * Pairs.Width];
        Pairs.Draw(pairs, StreamKey.Of(2, StreamKey.TrainBatch, 7));
        var entries = Enumerable.Range(0, rows).SelectMany(i => pairs.AsSpan(i * Pairs.Width, 8).ToArray()).Select(x => (double)x).ToArray();
        entries.Average().Should().BeApproximately(0, 0.01);
        entries.Select(x => x * x).Average().Should().BeApproximately(1, 0.01);
        ((double)entries.Count(x => Math.Abs(x) > 3) / entries.Length).Should().BeApproximately(0.0027, 0.0005);
        var s = pairs.AsSpan(0, Pairs.Width);
        s[9].Should().BeApproximately(s[0] * s[5] + s[1] * s[7], 1e-5f, "c12 = a11 b12 + a12 b22");
        s[10].Should().BeApproximately(s[2] * s[4] + s[3] * s[6], 1e-5f, "c21 = a21 b11 + a22 b21");
    }

    [Fact]
    public void Stream_keys_separate_seeds_streams_and_counters()
    {
        var keys = new[] { StreamKey.Of(1, 2, 3), StreamKey.Of(2, 2, 3), StreamKey.Of(1, 3, 3), StreamKey.Of(1, 2, 4) };
        keys.Distinct().Should().HaveCount(4);
        StreamKey.Of(1, 2, 3).Should().Be(StreamKey.Of(1, 2, 3));
    }
}
