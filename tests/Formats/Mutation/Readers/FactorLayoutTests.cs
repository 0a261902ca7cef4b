using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Layout names: building a layout from its name, and parsing --layout.</summary>
[Trait("Category", "Fast")]
public class FactorLayoutTests
{
    [Fact]
    public void Every_layout_built_from_its_name_has_that_name()
    {
        foreach (var o in FactorLayout.Orientations)
            foreach (var f in FactorLayout.Flattenings)
            {
                var layout = FactorLayout.Of(o, f);
                layout.Name.Should().Be($"{o}-{f}");
                layout.Orientation.Should().Be(o);
                layout.Flattening.Should().Be(f);
            }
    }

    [Theory]
    [InlineData("ours", "ffl", "rrr")]
    [InlineData(" Ours ", "ffl", "rrr")]
    [InlineData("alphatensor", "lll", "rrc")]
    [InlineData("AlphaTensor", "lll", "rrc")]
    [InlineData("lll-rrc", "lll", "rrc")]
    [InlineData("FLF-CRC", "flf", "crc")]
    [InlineData("rrc", null, "rrc")]
    [InlineData("ccc", null, "ccc")]
    public void Layout_names_and_aliases_parse(string text, string? orientation, string flattening)
    {
        FactorLayout.Parse(text).Should().Be((orientation, flattening));
    }

    [Theory]
    [InlineData("rr")]
    [InlineData("ffl-rrx")]
    [InlineData("ffx-rrr")]
    [InlineData("ffl-rrr-rrr")]
    [InlineData("ffl")]
    public void Anything_else_is_not_a_layout(string text)
    {
        var act = () => FactorLayout.Parse(text);
        act.Should().Throw<SchemeFormatException>().WithMessage("*is not a layout*");
    }
}
