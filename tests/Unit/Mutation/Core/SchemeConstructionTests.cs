using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class SchemeConstructionTests
{
    private static readonly Shape One = new(1, 1, 1);

    private static Scheme Single(double u, double v, double w) => new(One, 1, [u], [v], [w]);

    [Fact]
    public void A_scheme_with_no_slots_is_allowed()
    {
        var empty = new Scheme(Shape.Square2, 0, [], [], []);
        empty.Rank.Should().Be(0);
        empty.CoefficientCount.Should().Be(0);
    }

    [Fact]
    public void A_negative_rank_is_refused()
    {
        var act = () => new Scheme(One, -1, [], [], []);
        act.Should().Throw<SchemeFormatException>().WithMessage("rank -1 is negative");
    }

    [Fact]
    public void A_U_of_the_wrong_length_is_refused_and_named()
    {
        var act = () => new Scheme(One, 1, [1, 2], [1], [1]);
        act.Should().Throw<SchemeFormatException>().WithMessage("U has 2 coefficients, expected 1");
    }

    [Fact]
    public void A_V_of_the_wrong_length_is_refused_and_named()
    {
        var act = () => new Scheme(One, 1, [1], [], [1]);
        act.Should().Throw<SchemeFormatException>().WithMessage("V has 0 coefficients, expected 1");
    }

    [Fact]
    public void A_W_of_the_wrong_length_is_refused_and_named()
    {
        var act = () => new Scheme(One, 1, [1], [1], [1, 1, 1]);
        act.Should().Throw<SchemeFormatException>().WithMessage("W has 3 coefficients, expected 1");
    }

    [Fact]
    public void FromRows_refuses_a_W_with_the_wrong_number_of_rows()
    {
        var act = () => Scheme.FromRows(One, [[1]], [[1]], [[1], [1]]);
        act.Should().Throw<SchemeFormatException>().WithMessage("W has 2 rows, expected 1");
    }

    [Fact]
    public void FromRows_names_the_factor_whose_row_has_the_wrong_width()
    {
        var badV = () => Scheme.FromRows(One, [[1]], [[1, 2]], [[1]]);
        badV.Should().Throw<SchemeFormatException>().WithMessage("V row 0 *");
        var badW = () => Scheme.FromRows(One, [[1]], [[1]], [[1, 2]]);
        badW.Should().Throw<SchemeFormatException>().WithMessage("W row 0 *");
    }

    [Fact]
    public void Strassen_has_84_coefficients()
    {
        KnownSchemes.Strassen().CoefficientCount.Should().Be(84);
    }

    [Fact]
    public void The_coefficient_count_adds_the_sizes_of_U_V_and_W()
    {
        // <1,2,3> rank 2: U 2x2, V 2x6, W 3x2.
        var s = new Scheme(new Shape(1, 2, 3), 2, new double[4], new double[12], new double[6]);
        s.CoefficientCount.Should().Be(22);
    }

    [Theory]
    [InlineData(0.5, 1, 1)]
    [InlineData(1, 0.5, 1)]
    [InlineData(1, 1, 0.5)]
    public void One_fractional_coefficient_in_any_factor_makes_the_scheme_non_integral(double u, double v, double w)
    {
        Single(u, v, w).IsIntegral.Should().BeFalse();
        Single(1, 1, 1).IsIntegral.Should().BeTrue();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void Selecting_a_slot_outside_the_rank_is_refused(int slot)
    {
        var act = () => KnownSchemes.Strassen().SelectSlots([0, slot]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "slots")
            .WithMessage($"slot {slot} is not in 0..6*");
    }

    [Fact]
    public void The_last_slot_can_be_selected()
    {
        var last = KnownSchemes.Strassen().SelectSlots([6]);
        last.Rank.Should().Be(1);
        last.URow(0).ToArray().Should().Equal(0, 1, 0, -1);
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(1, 2, 1)]
    [InlineData(1, 1, 2)]
    public void Schemes_that_differ_in_one_factor_are_not_coefficient_equal(double u, double v, double w)
    {
        Single(u, v, w).CoefficientsEqual(Single(1, 1, 1)).Should().BeFalse();
        Single(1, 1, 1).CoefficientsEqual(Single(1, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void Empty_schemes_of_different_shapes_are_not_coefficient_equal()
    {
        var a = new Scheme(One, 0, [], [], []);
        var b = new Scheme(Shape.Square2, 0, [], [], []);
        a.CoefficientsEqual(b).Should().BeFalse();
    }

    [Fact]
    public void Schemes_of_the_same_shape_but_different_rank_are_not_coefficient_equal()
    {
        // Rank 0 and rank 1 on <1,1,1> with a zero slot: never equal, whatever the coefficients.
        var a = new Scheme(One, 0, [], [], []);
        var b = new Scheme(One, 1, [0], [0], [0]);
        a.CoefficientsEqual(b).Should().BeFalse();
    }

    [Fact]
    public void A_scheme_prints_its_shape_and_rank()
    {
        KnownSchemes.Strassen().ToString().Should().Be("<2,2,2> rank 7");
    }
}
