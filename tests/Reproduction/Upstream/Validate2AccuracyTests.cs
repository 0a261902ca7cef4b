using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>validate2.py's accuracy: the share of fresh pairs whose largest entry error is below 1e-3.</summary>
[Trait("Category", "Fast")]
public class Validate2AccuracyTests
{
    [Fact]
    public void The_threshold_is_the_scripts() => Validate2Accuracy.ErrorBelow.Should().Be(1e-3);

    [Fact]
    public void Strassen_scores_100_and_the_zero_scheme_0()
    {
        Validate2Accuracy.Percent(new Float32Scheme(KnownSchemes.Strassen()), 1000, new GaussianSource(3))
            .Should().Be(100);
        // c = 0: an entry of A B is a sum of two products of N(0,1) values, below 1e-3 in all four entries ~never.
        Validate2Accuracy.Percent(new Float32Scheme(7, new float[84]), 1000, new GaussianSource(3)).Should().Be(0);
    }

    [Theory]
    // W scaled by 1 + e: the error is e |c|, below 1e-3 iff every |c_z| < 1e-3 / e. An entry of A B has sd sqrt(2):
    // |c| >= 10 (e = 1e-4) is a 7-sigma event, so every pair passes; |c| < 0.1 in all four entries (e = 1e-2) almost
    // never happens.
    [InlineData(1e-4, 100, 100)]
    [InlineData(1e-2, 0, 1)]
    public void A_scheme_off_by_a_relative_e_passes_where_e_times_the_product_is_below_1e_3(double e, double min,
        double max)
    {
        var s = new Float32Scheme(KnownSchemes.Strassen());
        for (int i = s.WOffset; i < s.Weights.Length; i++) s.Weights[i] *= (float)(1 + e);
        Validate2Accuracy.Percent(s, 2000, new GaussianSource(3)).Should().BeInRange(min, max);
    }
}
