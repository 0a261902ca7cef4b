using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class SchemeRowsTests
{
    [Fact]
    public void Rows_of_a_non_square_scheme_give_the_same_scheme_back()
    {
        var scheme = KnownSchemes.Naive(new Shape(2, 3, 4));
        var back = SchemeRows.Of(scheme).ToScheme();
        back.Shape.Should().Be(new Shape(2, 3, 4));
        back.Rank.Should().Be(24);
        back.CoefficientsEqual(scheme).Should().BeTrue();
    }

    [Fact]
    public void The_dimensions_are_read_in_order_n_m_p()
    {
        var laderman = KnownSchemes.Laderman();
        var rows = SchemeRows.Of(KnownSchemes.Naive(new Shape(1, 2, 3)));
        rows.ToScheme().Shape.Should().Be(new Shape(1, 2, 3));
        SchemeRows.Of(laderman).ToScheme().CoefficientsEqual(laderman).Should().BeTrue();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_shape_without_three_dimensions_is_a_format_error(int dimensions)
    {
        var rows = SchemeRows.Of(KnownSchemes.Strassen()) with { Shape = Enumerable.Repeat(2, dimensions).ToArray() };
        var act = () => rows.ToScheme();
        act.Should().Throw<SchemeFormatException>().WithMessage($"a shape has 3 dimensions, not {dimensions}");
    }

    [Fact]
    public void Rows_that_do_not_fit_the_shape_are_a_format_error()
    {
        var rows = SchemeRows.Of(KnownSchemes.Strassen()) with { Shape = [2, 2, 3] };
        var act = () => rows.ToScheme();
        act.Should().Throw<SchemeFormatException>();
    }
}
