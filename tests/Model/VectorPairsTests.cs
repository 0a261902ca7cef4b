using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

/// <summary>The vectorised draw is the scalar stream bit for bit, including the rows where a normal takes the slow path.</summary>
[Trait("Category", "Fast")]
public class VectorPairsTests
{
    [Fact]
    public void Vector_and_scalar_draws_give_the_same_floats_for_many_keys()
    {
        if (!VectorPairs.IsSupported) return;   // no AVX2: Pairs.Draw is the scalar loop, nothing to compare
        int slowRows = 0;
        for (ulong key = 0; key < 2000; key++)
        {
            ulong k = StreamKey.Of((long)key, StreamKey.TrainBatch, (long)key * 7);
            var scalar = new float[256 * Pairs.Width];
            var vector = new float[scalar.Length];
            Pairs.DrawScalar(scalar, k);
            VectorPairs.Draw(vector, k);
            vector.Should().Equal(scalar, $"key {key}");
            slowRows += CountSlowRows(k, 256);
        }
        slowRows.Should().BeGreaterThan(1000, "the comparison must cover rows that leave the fast path");
    }

    [Fact]
    public void A_partial_trailing_row_is_left_alone_as_the_scalar_loop_leaves_it()
    {
        if (!VectorPairs.IsSupported) return;
        var scalar = Enumerable.Repeat(-7f, 2 * Pairs.Width + 5).ToArray();
        var vector = (float[])scalar.Clone();
        Pairs.DrawScalar(scalar, 42);
        VectorPairs.Draw(vector, 42);
        vector.Should().Equal(scalar);
        vector[^1].Should().Be(-7f);
    }

    /// <summary>Rows whose normals consume more than four draws (some half left the ziggurat's fast path).</summary>
    private static int CountSlowRows(ulong key, int rows)
    {
        var stream = new NormalStream(key);
        int slow = 0;
        for (int r = 0; r < rows; r++)
        {
            ulong before = stream.State;
            for (int q = 0; q < 4; q++) stream.NextNormalPair(out _, out _);
            if (stream.State - before != unchecked(4 * 0x9E3779B97F4A7C15UL)) slow++;
        }
        return slow;
    }
}
