using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class ShapeTests
{
    [Theory]
    [InlineData(2, 2, 2, true)]
    [InlineData(2, 2, 3, false)]
    [InlineData(3, 2, 2, false)]
    [InlineData(2, 3, 2, false)]
    public void A_shape_is_square_only_when_all_three_dimensions_agree(int n, int m, int p, bool square)
    {
        new Shape(n, m, p).IsSquare.Should().Be(square);
    }

    [Fact]
    public void A_shape_prints_as_its_three_dimensions_in_angle_brackets()
    {
        new Shape(2, 3, 4).ToString().Should().Be("<2,3,4>");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(64, 64, 64)]
    [InlineData(1, 64, 1)]
    public void Dimensions_from_1_to_64_inclusive_are_accepted(int n, int m, int p)
    {
        Shape.Validated(n, m, p).Should().Be(new Shape(n, m, p));
    }

    [Theory]
    [InlineData(0, 2, 2)]
    [InlineData(2, 0, 2)]
    [InlineData(2, 2, 0)]
    [InlineData(65, 2, 2)]
    [InlineData(2, 65, 2)]
    [InlineData(2, 2, 65)]
    [InlineData(-1, -1, -1)]
    public void A_dimension_outside_1_to_64_is_refused(int n, int m, int p)
    {
        var act = () => Shape.Validated(n, m, p);
        act.Should().Throw<SchemeFormatException>();
    }
}
