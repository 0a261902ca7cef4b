using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>The scripts' backward pass (autograd of the squared error), checked by hand on a rank-1 scheme.</summary>
[Trait("Category", "Fast")]
public class Float32GradientTests
{
    [Fact]
    public void Accumulate_on_a_rank_1_scheme_gives_the_hand_computed_gradient()
    {
        // u = 2 e1, v = 3 e1, w = e1; A = B = E11: c11 = 1 * (2 * 1) * (3 * 1) = 6, the product's c11 = 1, residual 5.
        // (scale / 2) (c - t)^2 with scale 2: dw1 = 2 * 5 * 6 = 60, du1 = 2 * 5 * 1 * 3 * 1 = 30, dv1 = 2 * 5 * 2 = 20.
        var s = new Float32Scheme(1, [2, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]);
        var g = new float[12];
        Float32Gradient.Accumulate(s, [1, 0, 0, 0], [1, 0, 0, 0], 2, g);
        g.Should().Equal(30, 0, 0, 0, 20, 0, 0, 0, 60, 0, 0, 0);
    }

    [Fact]
    public void Accumulate_adds_to_what_is_there_and_scales_linearly()
    {
        var s = new Float32Scheme(1, [2, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]);
        var g = Enumerable.Repeat(1f, 12).ToArray();
        Float32Gradient.Accumulate(s, [1, 0, 0, 0], [1, 0, 0, 0], 0.5f, g);
        g.Should().Equal(8.5f, 1, 1, 1, 6, 1, 1, 1, 16, 1, 1, 1);
    }

    [Fact]
    public void Accumulate_at_an_exact_scheme_is_zero()
    {
        var s = new Float32Scheme(StrassenRepro.Crystallization.KnownSchemes.Strassen());
        var g = new float[s.Weights.Length];
        Float32Gradient.Accumulate(s, [1, 2, 3, 4], [5, 6, 7, 8], 2, g);
        g.Should().OnlyContain(x => x == 0, "small integers multiply exactly in float32");
    }
}
