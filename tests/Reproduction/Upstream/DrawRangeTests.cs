using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>The central 95% of repeated draws, by which a single upstream draw is "within sampling error".</summary>
[Trait("Category", "Fast")]
public class DrawRangeTests
{
    [Fact]
    public void Of_1_to_101_is_3_5_to_98_5()
    {
        // Type 7: h = 100 x 0.025 = 2.5 -> halfway between the 3rd and 4th values; h = 97.5 -> between 98 and 99.
        var r = DrawRange.Of(Enumerable.Range(1, 101).Select(i => (double)i).Reverse());
        r.Lower.Should().BeApproximately(3.5, 1e-9, "0.025 is not exact in binary");
        r.Upper.Should().BeApproximately(98.5, 1e-9);
        r.Draws.Should().Be(101);
    }

    [Fact]
    public void Contains_includes_its_ends_and_nothing_outside()
    {
        var r = new DrawRange(3.5, 98.5, 101);
        r.Contains(3.5).Should().BeTrue();
        r.Contains(98.5).Should().BeTrue();
        r.Contains(3.49).Should().BeFalse();
        r.Contains(98.51).Should().BeFalse();
    }

    [Fact]
    public void Of_one_draw_is_that_draw_and_of_none_is_refused()
    {
        DrawRange.Of([2.0]).Should().Be(new DrawRange(2, 2, 1));
        FluentActions.Invoking(() => DrawRange.Of([])).Should().Throw<ArgumentException>();
    }
}
