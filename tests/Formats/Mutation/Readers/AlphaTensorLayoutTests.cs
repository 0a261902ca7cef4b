using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>AlphaTensor's (3, d, R) arrays and (u, v, w) object arrays: what they must look like.</summary>
[Trait("Category", "Fast")]
public class AlphaTensorLayoutTests
{
    private static NpyArray Array(params int[] shape) => new(shape, new double[shape.Aggregate(1, (a, b) => a * b)], "<f8");

    private static NpyArray Objects(params NpyArray[] items) => new([items.Length], [], "|O", items);

    [Theory]
    [InlineData(true, 3, 4, 7)]
    [InlineData(true, 3, 1, 1)]
    [InlineData(false, 2, 4, 7)]
    [InlineData(false, 4, 4, 7)]
    [InlineData(false, 3, 5, 7)]
    [InlineData(false, 3, 4)]
    [InlineData(false, 3, 4, 7, 1)]
    public void Only_a_three_dimensional_array_of_three_square_sized_factors_matches(bool matches, params int[] shape)
    {
        AlphaTensorLayout.Matches(Array(shape)).Should().Be(matches);
    }

    [Fact]
    public void A_one_by_one_factorization_reads_as_the_1x1x1_shape()
    {
        var scheme = AlphaTensorLayout.ToScheme(new NpyArray([3, 1, 1], [2, 3, 5], "<f8"), "t");
        scheme.Shape.Should().Be(new Shape(1, 1, 1));
        scheme.U(0, 0).Should().Be(2);
        scheme.V(0, 0).Should().Be(3);
        scheme.W(0, 0).Should().Be(5);
    }

    [Fact]
    public void An_object_array_of_three_matrices_with_one_rank_reads()
    {
        var scheme = AlphaTensorLayout.ToScheme(Objects(Array(4, 7), Array(6, 7), Array(6, 7)), "t", "2,2,3");
        scheme.Shape.Should().Be(new Shape(2, 2, 3));
        scheme.Rank.Should().Be(7);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void An_object_array_of_other_than_three_items_is_refused(int count)
    {
        var items = Enumerable.Range(0, count).Select(_ => Array(4, 7)).ToArray();
        var act = () => AlphaTensorLayout.ToScheme(Objects(items), "t", "2,2,2");
        act.Should().Throw<SchemeFormatException>().WithMessage("t: expected an object array of three matrices u, v, w");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void An_object_array_with_an_item_that_is_not_a_matrix_is_refused(int which)
    {
        var items = new[] { Array(4, 7), Array(4, 7), Array(4, 7) };
        items[which] = Array(28);
        var act = () => AlphaTensorLayout.ToScheme(Objects(items), "t", "2,2,2");
        act.Should().Throw<SchemeFormatException>().WithMessage("t: expected an object array of three matrices u, v, w");
    }

    [Theory]
    [InlineData(6, 7)]
    [InlineData(7, 6)]
    public void Factors_of_different_ranks_are_refused(int vRank, int wRank)
    {
        var act = () => AlphaTensorLayout.ToScheme(Objects(Array(4, 7), Array(4, vRank), Array(4, wRank)), "t", "2,2,2");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t: u, v, w have 7, {vRank}, {wRank} columns (ranks), not one rank");
    }

    [Fact]
    public void Only_square_schemes_have_the_plain_AlphaTensor_layout()
    {
        var act = () => AlphaTensorLayout.FromScheme(KnownSchemes.Naive(new Shape(2, 2, 3)));
        act.Should().Throw<ArgumentException>();
    }
}
