using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class TransferLevelsTests
{
    [Theory]
    [InlineData(2, 2, 2, new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(1, 4, 1, new[] { 1, 2, 3 })]
    [InlineData(1, 1, 4, new[] { 1, 2, 3 })]
    [InlineData(4, 1, 1, new[] { 1, 2, 3 })]
    [InlineData(1, 1, 1, new[] { 1 })]
    public void Default_levels_grow_the_largest_dimension_up_to_64(int n, int m, int p, int[] levels)
    {
        TransferTest.DefaultLevels(new Shape(n, m, p)).Should().Equal(levels);
    }

    [Fact]
    public void Sizes_are_powers_of_n_when_n_is_above_1()
    {
        TransferTest.LevelsForSizes(new Shape(2, 3, 3), [2, 4, 8]).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Sizes_are_powers_of_the_larger_of_m_and_p_when_n_is_1()
    {
        TransferTest.LevelsForSizes(new Shape(1, 2, 3), [3, 9]).Should().Equal(1, 2);
        TransferTest.LevelsForSizes(new Shape(1, 3, 2), [3, 9]).Should().Equal(1, 2);
    }

    [Fact]
    public void A_size_that_is_not_a_power_of_the_base_is_refused()
    {
        var act = () => TransferTest.LevelsForSizes(new Shape(1, 2, 3), [4]);
        act.Should().Throw<SchemeFormatException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_1x1x1_shape_has_no_transfer_size(int size)
    {
        var act = () => TransferTest.LevelsForSizes(new Shape(1, 1, 1), [size]);
        act.Should().Throw<SchemeFormatException>();
    }
}
