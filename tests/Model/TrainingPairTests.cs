using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class TrainingPairTests
{
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
}
