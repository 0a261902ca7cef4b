using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// verify_checkpoints.py's expansion (:89-149): the checkpoint at 2x2 only, Strassen hard-coded above.
/// </summary>
[Trait("Category", "Fast")]
public class HardCodedExpansionTests
{
    private static float[] Integers(int n, int seed) =>
        Enumerable.Range(0, n * n).Select(i => (float)((i * 7 + seed) % 5 - 2)).ToArray();

    [Fact]
    public void With_Strassen_at_the_base_small_integer_products_are_exact()
    {
        var a = Integers(8, 1);
        var b = Integers(8, 3);
        HardCodedExpansion.Multiply(a, b, 8, new Float32Scheme(KnownSchemes.Strassen()))
            .Should().Equal(HardCodedExpansion.Naive(a, b, 8));
    }

    [Fact]
    public void Any_valid_base_scheme_passes_because_the_levels_above_are_Strassen_hard_coded()
    {
        var a = Integers(8, 2);
        var b = Integers(8, 4);
        HardCodedExpansion.Multiply(a, b, 8, new Float32Scheme(KnownSchemes.Winograd()))
            .Should().Equal(HardCodedExpansion.Naive(a, b, 8));
    }

    [Fact]
    public void A_wrong_base_scheme_is_wrong_at_every_size()
    {
        float[] identity = [1, 0, 0, 1];
        HardCodedExpansion.Multiply(identity, identity, 2, new Float32Scheme(ValidationConstant.Scheme()))
            .Should().Equal(-1, 0, 0, -1);
        var row = HardCodedExpansion.Row(new Float32Scheme(ValidationConstant.Scheme()), 16, new GaussianSource(1));
        row.Pass.Should().BeFalse();
    }

    [Fact]
    public void Strassen_passes_the_scripts_1e_minus_4_at_64_with_an_absolute_error_above_1e_minus_5()
    {
        var row = HardCodedExpansion.Row(new Float32Scheme(KnownSchemes.Strassen()), 64, new GaussianSource(42));
        row.Size.Should().Be(64);
        row.Pass.Should().BeTrue();
        row.RelativeError.Should().BeLessThan(1e-4);
        row.MaxError.Should().BeGreaterThan(1e-5, "float32 entries of C near 40 keep about 7 digits");
        HardCodedExpansion.Sizes.Should().Equal(2, 4, 8, 16, 32, 64);
    }
}
