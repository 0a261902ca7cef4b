using System.Numerics;
using StrassenRepro.Crystallization;
using StrassenRepro.Tests.Unit;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

/// <summary>The exact transfer: integer matrices, the scheme's exact coefficients, an exact comparison.</summary>
[Trait("Category", "Fast")]
public class ExactTransferTests
{
    private static RationalScheme Exact(Scheme s) => RationalScheme.FromDyadic(s)!;

    [Fact]
    public void Strassen_holds_at_every_default_size_in_64_bit_integers()
    {
        var rows = ExactTransfer.Run(Exact(KnownSchemes.Strassen()), TransferTest.DefaultLevels(Shape.Square2));
        rows.Select(r => r.N).Should().Equal(2, 4, 8, 16, 32, 64);
        rows.Should().OnlyContain(r => r.Holds && r.Mismatches == 0 && r.Arithmetic == ExactTransferArithmetic.Int64);
        rows.Select(r => (r.M, r.P)).Should().Equal((2, 2), (4, 4), (8, 8), (16, 16), (32, 32), (64, 64));
    }

    [Fact]
    public void A_scheme_that_fails_one_Brent_equation_fails_the_exact_transfer_at_every_size()
    {
        var s = KnownSchemes.Strassen();
        var w = s.WFlat.ToArray();
        w[0] = -w[0];
        var broken = Exact(new Scheme(Shape.Square2, 7, s.UFlat, s.VFlat, w));
        var rows = ExactTransfer.Run(broken, [1, 2, 3]);
        rows.Should().OnlyContain(r => !r.Holds);
        rows[0].Mismatches.Should().Be(1, "only c11 is wrong at level 1");
        rows[1].Mismatches.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Rectangular_shapes_transfer_with_their_own_sides()
    {
        var rows = ExactTransfer.Run(Exact(KnownSchemes.Naive(new Shape(2, 3, 1))), [1, 2]);
        rows.Select(r => (r.N, r.M, r.P)).Should().Equal((2, 3, 1), (4, 9, 1));
        rows.Should().OnlyContain(r => r.Holds);
    }

    [Theory]
    [InlineData(1, ExactTransferArithmetic.Int64)]
    [InlineData(1L << 30, ExactTransferArithmetic.Int128)]
    [InlineData(1L << 60, ExactTransferArithmetic.BigInteger)]
    public void The_arithmetic_is_the_smallest_that_cannot_overflow(long scale, ExactTransferArithmetic expected)
    {
        // Strassen with U scaled by k and W by 1/k is exact; at level 2 values grow like k^2.
        var s = Exact(KnownSchemes.Strassen());
        var k = new BigInteger(scale);
        var scaled = new RationalScheme(Shape.Square2, 7,
            Enumerable.Range(0, 28).Select(i => new Fraction(s.U(i / 4, i % 4).Numerator * k, 1)).ToArray(),
            Enumerable.Range(0, 28).Select(i => s.V(i / 4, i % 4)).ToArray(),
            Enumerable.Range(0, 28).Select(i => new Fraction(s.W(i / 7, i % 7).Numerator, k)).ToArray());
        var row = ExactTransfer.Run(scaled, [2]).Single();
        row.Arithmetic.Should().Be(expected);
        row.Holds.Should().BeTrue();
    }

    [Fact]
    public void A_coefficient_of_a_slot_without_products_still_fits_the_arithmetic()
    {
        // Slot 1 has U = 0 and a W entry of 2^70: no product bounds it, yet it must be converted exactly.
        var big = BigInteger.Pow(2, 70);
        var one = new Fraction(1, 1);
        var zero = new Fraction(0, 1);
        var s = new RationalScheme(new Shape(1, 1, 1), 2, [one, zero], [one, one], [one, new Fraction(big, 1)]);
        var row = ExactTransfer.Run(s, [1]).Single();
        row.Holds.Should().BeTrue();
        row.Arithmetic.Should().NotBe(ExactTransferArithmetic.Int64);
    }

    [Fact]
    public void Big_integer_transfers_past_their_product_cap_are_refused_not_run()
    {
        var k = BigInteger.Pow(10, 30);
        var moved = ExactBasis.Move(Exact(KnownSchemes.Strassen()), ExactBasis.Shear(k, true), ExactBasis.Shear(k, false),
            ExactBasis.Shear(k, true));
        var act = () => ExactTransfer.Run(moved, [8]);
        act.Should().Throw<SchemeFormatException>().WithMessage("*big-integer*choose smaller --sizes*");
        var overTheCap = () => ExactTransfer.Run(Exact(KnownSchemes.Strassen()), [11]);
        overTheCap.Should().Throw<SchemeFormatException>().WithMessage("*over the cap*");
    }
}

/// <summary>The bound that picks the exact transfer's arithmetic, pinned on schemes computed by hand.</summary>
[Trait("Category", "Fast")]
public class ExactTransferBoundTests
{
    private static readonly double TwoInputs = 2 * Math.Log2(ExactTransfer.InputBound);

    [Fact]
    public void Strassens_factors_are_those_of_its_slots()
    {
        // ||u_r||_1 and ||v_r||_1 are at most 2; c11 = M1 + M4 - M5 + M7 sums 4 + 2 + 2 + 4 = 12 (c22 too).
        var b = ExactTransferBound.Of(RationalScheme.FromDyadic(KnownSchemes.Strassen())!);
        (b.LogU, b.LogV, b.LogW, b.LogWEntry, b.LogScale).Should().Be((1.0, 1.0, 4.0, 0.0, 0.0));
        b.Bits(1).Should().BeApproximately(4 + TwoInputs + 2, 1e-12);
        b.Bits(3).Should().BeApproximately(12 + TwoInputs + 2, 1e-12);
    }

    [Fact]
    public void Each_factor_is_read_from_its_own_rows()
    {
        // <1,2,1> rank 2: U = [[3, 0], [1, 2]], V = [[5, 0], [0, 1]], W = [[7, -1]].
        Fraction F(long x) => new(x, 1);
        var s = new RationalScheme(new Shape(1, 2, 1), 2, [F(3), F(0), F(1), F(2)], [F(5), F(0), F(0), F(1)], [F(7), F(-1)]);
        var b = ExactTransferBound.Of(s);
        b.LogU.Should().Be(2, "max(3, 1 + 2) = 3 needs 2 bits");
        b.LogV.Should().Be(3, "max(5, 0) = 5 needs 3 bits");
        b.LogW.Should().Be(7, "7 * 3 * 5 + 1 * 3 * 1 = 108 needs 7 bits");
        b.LogWEntry.Should().Be(3, "|7| needs 3 bits");
        b.LogScale.Should().Be(0);
        b.Bits(2).Should().BeApproximately(2 * 7 + TwoInputs + 2, 1e-12);
    }

    [Fact]
    public void The_scale_of_fractions_and_a_lone_huge_w_enter_the_bound()
    {
        var one = new Fraction(1, 1);
        var zero = new Fraction(0, 1);
        var tiny = new RationalScheme(new Shape(1, 1, 1), 1, [new Fraction(1, BigInteger.Pow(2, 70))], [one], [zero]);
        var b = ExactTransferBound.Of(tiny);
        b.LogScale.Should().Be(70);
        b.Bits(1).Should().BeApproximately(70 + TwoInputs + 2, 1e-12, "the reference (2^70 a b) dominates");
        var row = ExactTransfer.Run(tiny, [1]).Single();
        (row.Holds, row.Arithmetic).Should().Be((false, ExactTransferArithmetic.Int128));
        var lone = new RationalScheme(new Shape(1, 1, 1), 1, [zero], [one], [new Fraction(BigInteger.Pow(2, 100), 1)]);
        ExactTransferBound.Of(lone).Bits(1).Should().Be(102);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public void Log2_is_the_ceiling(long x, double bits) => ExactTransferBound.Log2(x).Should().Be(bits);

    [Fact]
    public void A_big_integer_transfer_at_exactly_the_product_cap_runs()
    {
        // <4,1,1> naive (4 slots) at level 10: 4^10 = 2^20 scalar products; U scaled by 2^16 and W by 2^-16 (about
        // 170 bits at level 10).
        var k = BigInteger.Pow(2, 16);
        var naive = RationalScheme.FromDyadic(KnownSchemes.Naive(new Shape(4, 1, 1)))!;
        var scaled = naive.Map(f => f) is var s ? new RationalScheme(s.Shape, 4,
            Enumerable.Range(0, 16).Select(i => new Fraction(s.U(i / 4, i % 4).Numerator * k, 1)).ToArray(),
            Enumerable.Range(0, 4).Select(r => s.V(r, 0)).ToArray(),
            Enumerable.Range(0, 16).Select(i => new Fraction(s.W(i / 4, i % 4).Numerator, k)).ToArray()) : null!;
        var row = ExactTransfer.Run(scaled, [10]).Single();
        (row.Holds, row.Arithmetic, row.N).Should().Be((true, ExactTransferArithmetic.BigInteger, 1 << 20));
    }
}

[Trait("Category", "Fast")]
public class RecursiveMultiplierConstructionTests
{
    [Theory]
    [InlineData(27, 28, 28)]
    [InlineData(28, 27, 28)]
    [InlineData(28, 28, 27)]
    public void Coefficient_arrays_of_the_wrong_length_are_refused(int u, int v, int w)
    {
        var act = () => new RecursiveMultiplier<long>(Shape.Square2, 7, new long[u], new long[v], new long[w]);
        act.Should().Throw<ArgumentException>().WithMessage("*not those of <2,2,2> rank 7");
    }
}
