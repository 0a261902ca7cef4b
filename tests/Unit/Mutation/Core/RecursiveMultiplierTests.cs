using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class RecursiveMultiplierTests
{
    private static readonly RecursiveMultiplier<double> Strassen = new(KnownSchemes.Strassen());

    [Fact]
    public void Zero_levels_are_refused()
    {
        var act = () => Strassen.Multiply(new double[1], new double[1], 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_A_of_the_wrong_size_is_refused_even_when_B_fits()
    {
        var act = () => Strassen.Multiply(new double[3], new double[4], 1);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_B_of_the_wrong_size_is_refused_even_when_A_fits()
    {
        var act = () => Strassen.Multiply(new double[4], new double[5], 1);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_size_past_the_int_range_is_refused()
    {
        var act = () => Strassen.Multiply(new double[4], new double[4], 31);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_size_of_exactly_int_MaxValue_is_representable_and_compared_with_the_inputs()
    {
        // <1, 2^31-1, 1> with no slots: A is 1 x (2^31-1); the mismatch is a size error, not an overflow.
        var wide = new RecursiveMultiplier<double>(new Scheme(new Shape(1, int.MaxValue, 1), 0, [], [], []));
        var act = () => wide.Multiply(new double[1], new double[1], 1);
        act.Should().ThrowExactly<ArgumentException>();
    }

    [Fact]
    public void Two_levels_of_Strassen_multiply_4x4_matrices_exactly()
    {
        var a = Enumerable.Range(1, 16).Select(x => (double)x).ToArray();
        var b = Enumerable.Range(1, 16).Select(x => (double)(x % 5 - 2)).ToArray();
        Strassen.Multiply(a, b, 2).Should().Equal(TransferTest.NaiveProduct(a, b, 4, 4, 4));
    }
}
