using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class OrbitSchemeTests
{
    private static OrbitScheme Changed(Scheme s, int factor, int at)
    {
        var (u, v, w) = (s.UFlat.ToArray(), s.VFlat.ToArray(), s.WFlat.ToArray());
        var target = factor switch { 0 => u, 1 => v, _ => w };
        target[at] += 1;
        return ExactOrbit.Of(new Scheme(s.Shape, s.Rank, u, v, w));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 27)]
    [InlineData(2, 6)]
    public void Same_as_needs_every_coefficient_of_every_slot(int factor, int at)
    {
        var s = KnownSchemes.Strassen();
        ExactOrbit.Of(s).SameAs(ExactOrbit.Of(s)).Should().BeTrue();
        ExactOrbit.Of(s).SameAs(Changed(s, factor, at)).Should().BeFalse();
    }

    [Fact]
    public void Same_as_needs_the_same_shape_and_rank()
    {
        var naive = ExactOrbit.Of(KnownSchemes.Naive(Shape.Square2));
        naive.SameAs(ExactOrbit.Of(KnownSchemes.Strassen())).Should().BeFalse();
        ExactOrbit.Of(KnownSchemes.Naive(new Shape(1, 1, 2))).SameAs(ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 1, 1))))
            .Should().BeFalse("two slots each, other shapes");
    }
}
