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

[Trait("Category", "Fast")]
public class TransferCapTests
{
    [Fact]
    public void Sizes_up_to_the_cap_are_accepted_and_one_step_beyond_is_refused()
    {
        TransferTest.LevelsForSizes(Shape.Square2, [TransferTest.MaxSize]).Should().Equal(10);
        var act = () => TransferTest.LevelsForSizes(Shape.Square2, [2 * TransferTest.MaxSize]);
        act.Should().Throw<SchemeFormatException>().WithMessage("*2048*over the cap of 1024*");
    }

    [Fact]
    public void The_cap_holds_for_every_side_not_only_the_rows_of_A()
    {
        // <2,4,4>: size 64 = 2^6 gives B and C 4^6 = 4096 columns.
        TransferTest.LevelsForSizes(new Shape(2, 4, 4), [32]).Should().Equal(5);
        var act = () => TransferTest.LevelsForSizes(new Shape(2, 4, 4), [64]);
        act.Should().Throw<SchemeFormatException>().WithMessage("*4096-sided*");
    }

    [Theory]
    [InlineData(32768, 2, true)]   // 2^30 exactly
    [InlineData(32769, 2, false)]
    [InlineData(8, 10, true)]
    [InlineData(8, 11, false)]
    public void The_product_cap_is_R_to_the_k_at_most_2_to_the_30(int rank, int level, bool within)
    {
        TransferTest.WithinProductCap(rank, level).Should().Be(within);
    }

    [Fact]
    public void A_transfer_beyond_the_product_cap_is_refused_before_it_runs()
    {
        var act = () => TransferTest.Run(KnownSchemes.Naive(Shape.Square2), [11]);
        act.Should().Throw<SchemeFormatException>().WithMessage("*8^11*over the cap*--sizes*");
    }
}

[Trait("Category", "Fast")]
public class TransferCapSideTests
{
    [Theory]
    [InlineData(2, 2, 4)]
    [InlineData(2, 4, 2)]
    public void The_cap_takes_the_largest_of_m_and_p_too(int n, int m, int p)
    {
        // Size 64 = 2^6: the side of 4 grows to 4^6 = 4096.
        var act = () => TransferTest.LevelsForSizes(new Shape(n, m, p), [64]);
        act.Should().Throw<SchemeFormatException>().WithMessage("*4096-sided*");
    }
}
