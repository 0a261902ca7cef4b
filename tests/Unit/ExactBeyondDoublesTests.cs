using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

/// <summary>
/// Issue 22: a verdict on exact input never rests on doubles. Coefficients past 2^53 are checked as the integers they
/// are, and an exact scheme whose float transfer is poor is still VALID, with a note.
/// </summary>
[Trait("Category", "Fast")]
public class ExactBeyondDoublesTests
{
    private static readonly BigInteger TwoTo53 = BigInteger.Pow(2, 53);

    private static RationalScheme Integers(Shape shape, int rank, BigInteger[] u, BigInteger[] v, BigInteger[] w) =>
        new(shape, rank, u.Select(x => new Fraction(x, 1)).ToArray(), v.Select(x => new Fraction(x, 1)).ToArray(),
            w.Select(x => new Fraction(x, 1)).ToArray());

    /// <summary>2^53 ab - (2^53 + 1) ab + ab = 0: not ab, though its doubles (2^53, -2^53, 1) compute ab.</summary>
    private static RationalScheme CancelsToZero() => Integers(new Shape(1, 1, 1), 3,
        [TwoTo53, -(TwoTo53 + 1), 1], [1, 1, 1], [1, 1, 1]);

    private static VerificationReport Verify(RationalScheme exact, int? rank = null, int[]? levels = null) =>
        Verifier.Verify(exact.ToScheme(), new VerificationOptions { Rank = rank, TransferLevels = levels }, declared: exact);

    [Fact]
    public void Integers_past_2_to_the_53_are_checked_as_the_integers_they_are()
    {
        var exact = CancelsToZero();
        BrentCheck.Exact(exact.ToScheme()).IsValid.Should().BeTrue("the doubles are another scheme, one that computes ab");
        var r = Verify(exact);
        r.ExactArithmetic.Should().Be("integer");
        r.BrentValid.Should().BeFalse();
        r.BrentMaxResidual.Should().Be(1, "the exact sum is 0 where the tensor has 1");
        r.Valid.Should().BeFalse();
        r.Verdict.Should().Be("NOT VALID");
        r.ExactTransfer.Should().ContainSingle().Which.Holds.Should().BeFalse();
    }

    [Fact]
    public void Strassen_with_two_slots_near_2_to_the_53_that_do_not_cancel_is_not_valid_at_rank_9()
    {
        // (2^53 + 1) a11 b11 - 2^53 a11 b11 adds exactly a11 b11 to c11: twice a11 b11 in all. As doubles the two
        // slots cancel, and the doubles are valid.
        var s = ExactBasis.Exact(KnownSchemes.Strassen());
        var u = Enumerable.Range(0, 7 * 4).Select(i => s.U(i / 4, i % 4).Numerator)
            .Concat([TwoTo53 + 1, 0, 0, 0, TwoTo53, 0, 0, 0]).ToArray();
        var v = Enumerable.Range(0, 7 * 4).Select(i => s.V(i / 4, i % 4).Numerator).Concat([1, 0, 0, 0, 1, 0, 0, 0]).ToArray();
        var w = Enumerable.Range(0, 4).SelectMany(z => Enumerable.Range(0, 7).Select(r => s.W(z, r).Numerator)
            .Concat(z == 0 ? [BigInteger.One, BigInteger.MinusOne] : [BigInteger.Zero, BigInteger.Zero])).ToArray();
        var exact = Integers(Shape.Square2, 9, u, v, w);
        BrentCheck.Exact(exact.ToScheme()).IsValid.Should().BeTrue();
        var r = Verify(exact, rank: 9, levels: [1, 2]);
        r.BrentValid.Should().BeFalse();
        r.Verdict.Should().Be("NOT VALID");
    }

    [Fact]
    public void Strassen_in_a_basis_with_entries_near_1e30_is_valid()
    {
        var k = BigInteger.Pow(10, 30) + 7;
        var moved = ExactBasis.Move(ExactBasis.Exact(KnownSchemes.Strassen()),
            ExactBasis.Shear(k, upper: true), ExactBasis.Shear(k, upper: false), ExactBasis.Shear(-k, upper: true));
        moved.IsIntegral.Should().BeTrue();
        var r = Verify(moved);
        r.ExactArithmetic.Should().Be("integer");
        r.BrentValid.Should().BeTrue();
        r.ExactTransfer.Should().HaveCount(6).And.OnlyContain(t => t.Holds && t.Arithmetic == ExactTransferArithmetic.BigInteger);
        r.Valid.Should().BeTrue();
        r.Notes.Should().ContainSingle().Which.Should().StartWith("numerically unstable");
    }

    [Fact]
    public void The_naive_algorithm_in_a_basis_near_2_to_the_40_is_valid_with_a_note_on_its_float_error()
    {
        var k = BigInteger.Pow(2, 40);
        var moved = ExactBasis.Move(ExactBasis.Exact(KnownSchemes.Naive(Shape.Square2)),
            ExactBasis.Shear(k, upper: true), ExactBasis.Shear(k, upper: false), ExactBasis.Shear(k, upper: true));
        var r = Verify(moved, rank: 8);
        r.BrentValid.Should().BeTrue();
        r.Transfer.Should().Contain(t => !t.Pass, "float64 loses the product in round-off");
        r.Valid.Should().BeTrue();
        r.Verdict.Should().Be("VALID");
        r.Notes.Should().ContainSingle().Which.Should().Contain("exact transfer holds at every size");
    }

    [Fact]
    public void A_rational_scheme_moved_by_a_rational_basis_transfers_exactly()
    {
        var x = ExactBasis.Identity(2);
        x[0, 0] = new Fraction(3, 1);
        var y = ExactBasis.Identity(2);
        y[1, 0] = new Fraction(1, 7);
        var moved = ExactBasis.Move(ExactBasis.Exact(KnownSchemes.Strassen()), x, y, ExactBasis.Identity(2));
        moved.IsIntegral.Should().BeFalse();
        var r = Verify(moved);
        r.ExactArithmetic.Should().Be("rational");
        r.ExactTransfer.Should().OnlyContain(t => t.Holds);
        r.Valid.Should().BeTrue();
    }

    [Fact]
    public void Rounding_a_rational_scheme_uses_its_exact_values_not_their_doubles()
    {
        // Q of exactly 1/2 + 10^-30 is 1; of its nearest double (0.5) it is 0, so a double path would differ.
        var tiny = BigInteger.Pow(10, 30);
        var nearHalf = new Fraction(tiny + 2, 2 * tiny);
        nearHalf.ToDouble().Should().Be(0.5);
        var one = new Fraction(1, 1);
        var s = new RationalScheme(new Shape(1, 1, 1), 1, [nearHalf], [one], [one]);
        Discretizer.Q(s).U(0, 0).Should().Be(one);
        Discretizer.Q(s.ToScheme()).U(0, 0).Should().Be(0);
    }

    [Fact]
    public void The_check_modulo_2_reads_big_integers_by_their_parity()
    {
        // 2^53 + 1 is odd; its double 2^53 is even.
        var s = Integers(new Shape(1, 1, 1), 1, [TwoTo53 + 1], [1], [1]);
        BrentCheck.Exact(s, Ring.F2).IsValid.Should().BeTrue();
        BrentCheck.Exact(s.ToScheme(), Ring.F2).IsValid.Should().BeFalse();
        var half = new RationalScheme(new Shape(1, 1, 1), 1, [new Fraction(1, 2)], [new Fraction(2, 1)], [new Fraction(1, 1)]);
        var act = () => BrentCheck.Exact(half, Ring.F2);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_exact_residual_is_the_largest_exact_difference()
    {
        var strassen = ExactBasis.Exact(KnownSchemes.Strassen());
        BrentCheck.Exact(strassen).MaxResidual.Should().Be(0);
        var broken = strassen.Map(f => new Fraction(f.Numerator * 3, 2));
        // Every product of three coefficients is multiplied by 27/8: an equation of 1 becomes 27/8, off by 19/8.
        BrentCheck.Exact(broken).MaxResidual.Should().Be(19.0 / 8);
        BrentCheck.Exact(strassen.Map(f => new Fraction(f.Numerator * 3, 1))).MaxResidual.Should().Be(26);
    }
}

[Trait("Category", "Fast")]
public class HiddenHugeCoefficientTests
{
    /// <summary>A slot whose V is zero hides a huge U from the product bound; it must still be read as an integer.</summary>
    [Fact]
    public void A_huge_coefficient_beside_a_zero_factor_is_checked_exactly()
    {
        var huge = BigInteger.Pow(2, 106);
        var one = new Fraction(1, 1);
        var zero = new Fraction(0, 1);
        var s = new RationalScheme(new Shape(1, 1, 1), 2, [new Fraction(huge, 1), one], [zero, one], [one, one]);
        BrentCheck.Exact(s).IsValid.Should().BeTrue();
        BrentCheck.Exact(s.ToScheme()).IsValid.Should().BeTrue();
        var off = new RationalScheme(new Shape(1, 1, 1), 2, [new Fraction(huge, 1), one], [zero, one], [one, new Fraction(2, 1)]);
        BrentCheck.Exact(off).MaxResidual.Should().Be(1);
        // All of V zero: the product bound is 0, yet U's 2^106 is no long; checked, not thrown.
        var allZero = new RationalScheme(new Shape(1, 1, 1), 1, [new Fraction(huge, 1)], [zero], [one]);
        BrentCheck.Exact(allZero).MaxResidual.Should().Be(1);
    }
}
