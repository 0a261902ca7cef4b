using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class SlotIntegersTests
{
    private static Fraction F(long p, long q = 1) => new(p, q);

    [Fact]
    public void Slot_scales_that_made_fractions_are_cleared()
    {
        // Strassen with slot 0 scaled by U x 1/2, V x 3/4 (so W x 8/3): exact over Q, not integral.
        var strassen = RationalScheme.FromDyadic(KnownSchemes.Strassen(), 1)!;
        var u = Enumerable.Range(0, 28)
            .Select(i => i < 4 ? Times(strassen.U(0, i), F(1, 2)) : strassen.U(i / 4, i % 4)).ToArray();
        var v = Enumerable.Range(0, 28)
            .Select(i => i < 4 ? Times(strassen.V(0, i), F(3, 4)) : strassen.V(i / 4, i % 4)).ToArray();
        var w = Enumerable.Range(0, 28)
            .Select(i => i % 7 == 0 ? Times(strassen.W(i / 7, 0), F(8, 3)) : strassen.W(i / 7, i % 7)).ToArray();
        var scaled = new RationalScheme(Shape.Square2, 7, u, v, w);
        BrentCheck.Exact(scaled).IsValid.Should().BeTrue();
        scaled.IsIntegral.Should().BeFalse();

        var cleared = SlotIntegers.Make(scaled);
        cleared.IsIntegral.Should().BeTrue();
        cleared.ToScheme().CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void The_primitive_factor_is_lcm_of_denominators_over_gcd_of_numerators()
    {
        SlotIntegers.PrimitiveFactor([F(1, 2), F(1, 3)]).Should().Be(F(6));
        SlotIntegers.PrimitiveFactor([F(2, 3), F(4, 9)]).Should().Be(F(9, 2));
        SlotIntegers.PrimitiveFactor([F(-4), F(6), F(0)]).Should().Be(F(1, 2));
        SlotIntegers.PrimitiveFactor([F(0), F(0)]).Should().Be(F(1));
        SlotIntegers.PrimitiveFactor([F(3, 2), F(3)]).Should().Be(F(2, 3));
    }

    [Fact]
    public void Fractions_that_no_slot_scale_removes_stay_in_W()
    {
        // <1,2,1;2>: a1 b1 + a2 b2 = ((a1 + a2)(b1 + b2) + (a1 - a2)(b1 - b2)) / 2.
        var half = new RationalScheme(new Shape(1, 2, 1), 2, [F(1), F(1), F(1), F(-1)], [F(1), F(1), F(1), F(-1)],
            [F(1, 2), F(1, 2)]);
        BrentCheck.Exact(half).IsValid.Should().BeTrue();
        var made = SlotIntegers.Make(half);
        made.W(0, 0).Should().Be(F(1, 2));
        made.U(1, 1).Should().Be(F(-1));
    }

    private static Fraction Times(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
}
