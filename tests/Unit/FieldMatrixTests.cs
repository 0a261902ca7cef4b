using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests.Unit;

/// <summary>Exact linear algebra over Q and F2, against values worked by hand.</summary>
[Trait("Category", "Fast")]
public class FieldMatrixTests
{
    private static Fraction[][] Jagged(Fraction[,] a) => FieldMatrix.Rows(a);

    [Fact]
    public void A_product_of_a_2x3_and_a_3x2_matrix()
    {
        Fraction[,] a = { { 1, 2, 3 }, { 0, -1, 4 } }, b = { { 1, 0 }, { 2, 1 }, { new Fraction(1, 2), -1 } };
        // Row 1: 1 + 4 + 3/2 = 13/2, 0 + 2 - 3 = -1; row 2: 0 - 2 + 2 = 0, -1 - 4 = -5.
        Jagged(FieldMatrix.Multiply(a, b, Ring.Z)).Should().BeEquivalentTo(
            new[] { new Fraction[] { new(13, 2), -1 }, [0, -5] }, o => o.WithStrictOrdering());
        // Over F2 the integers reduce to parity: [[1,0],[1,1]] * [[1,1],[1,0]] = [[1,1],[0,1]].
        Fraction[,] c = { { 1, 0 }, { 1, 1 } }, d = { { 1, 1 }, { 1, 0 } };
        Jagged(FieldMatrix.Multiply(c, d, Ring.F2)).Should().BeEquivalentTo(
            new[] { new Fraction[] { 1, 1 }, [0, 1] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Transpose_and_combine()
    {
        Fraction[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
        Jagged(FieldMatrix.Transpose(a)).Should().BeEquivalentTo(
            new[] { new Fraction[] { 1, 4 }, [2, 5], [3, 6] }, o => o.WithStrictOrdering());
        Fraction[,] b = { { 1, 0, 1 }, { 0, 1, 0 } };
        Jagged(FieldMatrix.Combine(a, 2, b, Ring.Z)).Should().BeEquivalentTo(
            new[] { new Fraction[] { 3, 2, 5 }, [4, 7, 6] }, o => o.WithStrictOrdering());
        Jagged(FieldMatrix.Combine(a, 1, b, Ring.F2)).Should().BeEquivalentTo(
            new[] { new Fraction[] { 0, 0, 0 }, [0, 0, 0] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_reduced_echelon_form_and_its_pivots()
    {
        // [[0,2,4],[1,1,1],[1,2,3]]: the third row is (row 1)/2 + row 2, rank 2; RREF [[1,0,-1],[0,1,2]].
        Fraction[][] rows = [[0, 2, 4], [1, 1, 1], [1, 2, 3]];
        var (reduced, pivots) = FieldMatrix.Echelon(rows, 3, Ring.Z);
        pivots.Should().Equal(0, 1);
        reduced.Should().BeEquivalentTo(new[] { new Fraction[] { 1, 0, -1 }, [0, 1, 2] }, o => o.WithStrictOrdering());
        rows[0][1].Should().Be((Fraction)2, "the input is copied, not reduced in place");
    }

    [Theory]
    [InlineData(1, -1, 2, 1)]
    [InlineData(1, 1, 1, 1)]
    public void Rank_depends_on_the_field(int b, int d, int rankQ, int rankF2)
    {
        Fraction[,] a = { { 1, b }, { 1, d } };
        FieldMatrix.Rank(a, Ring.Z).Should().Be(rankQ);
        FieldMatrix.Rank(a, Ring.F2).Should().Be(rankF2);
    }

    [Fact]
    public void The_null_space_of_a_rank_one_row()
    {
        // x + 2y - z = 0: free y and z give (-2, 1, 0) and (1, 0, 1).
        var basis = FieldMatrix.NullSpace([[1, 2, -1]], 3, Ring.Z);
        basis.Should().BeEquivalentTo(new[] { new Fraction[] { -2, 1, 0 }, [1, 0, 1] }, o => o.WithStrictOrdering());
        FieldMatrix.NullSpace([[1, 0], [0, 1]], 2, Ring.Z).Should().BeEmpty();
        // Over F2, x + y = 0 is x = y: (1, 1).
        FieldMatrix.NullSpace([[1, 1]], 2, Ring.F2).Should().BeEquivalentTo(new[] { new Fraction[] { 1, 1 } });
    }

    [Fact]
    public void The_inverse_is_exact_or_null()
    {
        Fraction[,] a = { { 2, 1 }, { 1, 1 } }, half = { { 2, 0 }, { 0, 4 } };
        Jagged(FieldMatrix.Inverse(a, Ring.Z)!).Should().BeEquivalentTo(
            new[] { new Fraction[] { 1, -1 }, [-1, 2] }, o => o.WithStrictOrdering());
        Jagged(FieldMatrix.Inverse(half, Ring.Z)!).Should().BeEquivalentTo(
            new[] { new Fraction[] { new(1, 2), 0 }, [0, new(1, 4)] }, o => o.WithStrictOrdering());
        FieldMatrix.Inverse(new Fraction[,] { { 1, 2 }, { 2, 4 } }, Ring.Z).Should().BeNull();
        FieldMatrix.Inverse(half, Ring.F2).Should().BeNull("2 and 4 are 0 mod 2");
        FieldMatrix.Inverse(new Fraction[,] { { 0, 0 }, { 0, 1 } }, Ring.Z).Should().BeNull("the identity's pivots are not enough");
        Jagged(FieldMatrix.Inverse(new Fraction[,] { { 1, 1 }, { 0, 1 } }, Ring.F2)!).Should().BeEquivalentTo(
            new[] { new Fraction[] { 1, 1 }, [0, 1] }, o => o.WithStrictOrdering(), "(1 1; 0 1)^-1 = (1 -1; 0 1) = itself mod 2");
    }

    [Fact]
    public void Column_space_and_left_null_space()
    {
        // Columns (1,2) and (2,4): one direction; y^T a = 0 for y = (-2, 1).
        Fraction[,] a = { { 1, 2 }, { 2, 4 } };
        FieldMatrix.ColumnSpace(a, Ring.Z).Should().BeEquivalentTo(new[] { new Fraction[] { 1, 2 } });
        FieldMatrix.LeftNullSpace(a, Ring.Z).Should().BeEquivalentTo(new[] { new Fraction[] { -2, 1 } });
        FieldMatrix.Norm((Fraction)3, Ring.F2).Should().Be(Fraction.One);
        FieldMatrix.Norm((Fraction)(-4), Ring.F2).Should().Be(Fraction.Zero);
        FieldMatrix.Norm(new Fraction(3, 2), Ring.Z).Should().Be(new Fraction(3, 2));
    }
}
