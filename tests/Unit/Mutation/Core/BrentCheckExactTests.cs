using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class BrentCheckExactTests
{
    private const double TwoTo20 = 1 << 20;
    private const double TwoTo21 = 1 << 21;

    /// <summary>Strassen plus two slots of size 2^61 that cancel in c11: still exact, but past 64-bit products summed over R.</summary>
    private static Scheme StrassenWithHugeCancellingSlots()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows().Append([TwoTo20, 0, 0, 0]).Append([TwoTo20, 0, 0, 0]).ToArray();
        var v = s.VRows().Append([TwoTo20, 0, 0, 0]).Append([TwoTo20, 0, 0, 0]).ToArray();
        var w = s.WRows().Select((row, z) => row.Concat(z == 0 ? [TwoTo21, -TwoTo21] : new double[] { 0, 0 }).ToArray()).ToArray();
        return Scheme.FromRows(Shape.Square2, u, v, w);
    }

    [Fact]
    public void IsValid_answers_false_for_a_non_integral_scheme_instead_of_throwing()
    {
        var half = KnownSchemes.Strassen().Map(x => x / 2);
        BrentCheck.IsValid(half).Should().BeFalse();
    }

    [Fact]
    public void An_exact_scheme_whose_products_need_big_integers_is_still_valid()
    {
        var result = BrentCheck.Exact(StrassenWithHugeCancellingSlots());
        result.IsValid.Should().BeTrue();
        result.FailedEquations.Should().Be(0);
    }

    [Fact]
    public void A_sum_past_the_64_bit_range_is_reported_exactly_not_wrapped()
    {
        // <1,1,1> rank 4: each slot contributes 2^20 * 2^20 * 2^21 = 2^61; the sum is 2^63 (long.MaxValue + 1).
        var scheme = new Scheme(new Shape(1, 1, 1), 4,
            [TwoTo20, TwoTo20, TwoTo20, TwoTo20], [TwoTo20, TwoTo20, TwoTo20, TwoTo20], [TwoTo21, TwoTo21, TwoTo21, TwoTo21]);
        var result = BrentCheck.Exact(scheme);
        result.IsValid.Should().BeFalse();
        result.FirstViolation!.Value.Actual.Should().Be("9223372036854775808");
    }

    [Fact]
    public void The_failed_equation_count_is_the_number_of_ones_of_the_tensor_for_an_empty_scheme()
    {
        var result = BrentCheck.Exact(new Scheme(Shape.Square2, 0, [], [], []));
        result.EquationCount.Should().Be(64);
        result.FailedEquations.Should().Be(8);
        result.FirstViolation.Should().Be(new BrentViolation(0, 0, 0, "0", 1));
    }

    [Fact]
    public void The_failed_equation_count_is_exact_for_big_integer_sums_too()
    {
        // Doubling every W entry of the huge scheme breaks exactly the 8 equations whose tensor entry is 1.
        var doubled = StrassenWithHugeCancellingSlots();
        var w = doubled.WRows().Select(row => row.Select(x => 2 * x).ToArray()).ToArray();
        var broken = Scheme.FromRows(Shape.Square2, doubled.URows(), doubled.VRows(), w);
        var result = BrentCheck.Exact(broken);
        result.FailedEquations.Should().Be(8);
        result.FirstViolation!.Value.Actual.Should().Be("2");
    }
}
