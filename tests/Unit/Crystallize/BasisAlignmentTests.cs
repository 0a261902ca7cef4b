using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class BasisAlignmentTests
{
    private static readonly double[] Diagonal1 = Unit(1, 1);
    private static readonly double[] Diagonal2 = Unit(1, -1);

    private static double[] Unit(double a, double b)
    {
        double n = Math.Sqrt(a * a + b * b);
        return [a / n, b / n];
    }

    private static double[] Apply(double[,] m, double[] v) =>
        [m[0, 0] * v[0] + m[0, 1] * v[1], m[1, 0] * v[0] + m[1, 1] * v[1]];

    [Fact]
    public void Without_directions_the_frame_is_the_identity()
    {
        BasisAlignment.ChooseFrame(2, [], [], 1e-3).Should().BeEquivalentTo(new double[,] { { 1, 0 }, { 0, 1 } });
    }

    [Fact]
    public void Directions_mapped_by_the_transpose_are_sent_to_the_axes()
    {
        // Two populated points (1, 1) and (1, -1) and a single (1, 0): the frame of the two populated points
        // makes four zeros; the identity only one.
        double[][] transposed = [Diagonal1, Diagonal2, Diagonal1, Diagonal2, [1, 0]];
        var g = BasisAlignment.ChooseFrame(2, transposed, [], 1e-3);
        var gt = SchemeSymmetry.Transpose(g);
        Apply(gt, Diagonal1)[1].Should().BeApproximately(0, 1e-12);
        Apply(gt, Diagonal2)[0].Should().BeApproximately(0, 1e-12);
        BasisAlignment.Score(g, transposed, []).Should().Be(4);
    }

    [Fact]
    public void Directions_mapped_by_the_inverse_are_sent_to_the_axes()
    {
        double[][] inverted = [Diagonal1, Diagonal2, Diagonal2, Diagonal1, [0, 1]];
        var g = BasisAlignment.ChooseFrame(2, [], inverted, 1e-3);
        g.Should().BeEquivalentTo(new double[,] { { Diagonal1[0], Diagonal2[0] }, { Diagonal1[1], Diagonal2[1] } });
        var gInv = SchemeSymmetry.Inverse(g);
        Apply(gInv, Diagonal1)[1].Should().BeApproximately(0, 1e-12);
        Apply(gInv, Diagonal2)[0].Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Axis_aligned_directions_keep_the_identity_on_a_tie()
    {
        double[][] axes = [[1, 0], [0, 1], [1, 0]];
        BasisAlignment.ChooseFrame(2, axes, axes, 1e-3).Should().BeEquivalentTo(new double[,] { { 1, 0 }, { 0, 1 } });
    }

    [Fact]
    public void Nearly_parallel_clusters_do_not_make_a_frame()
    {
        // Two points 2e-4 radians apart (distinct for a cluster angle of 1e-4) have |det| ~ 2e-4 < 1e-3.
        double[][] transposed = [Unit(1, 0.3), Unit(1, 0.3 + 2e-4), Unit(1, 0.3), Unit(1, 0.3 + 2e-4)];
        BasisAlignment.ChooseFrame(2, transposed, [], 1e-4).Should()
            .BeEquivalentTo(new double[,] { { 1, 0 }, { 0, 1 } });
    }

    [Fact]
    public void The_score_counts_entries_small_relative_to_their_direction()
    {
        var identity = new double[,] { { 1, 0 }, { 0, 1 } };
        BasisAlignment.Score(identity, [[1, 0.01]], []).Should().Be(1);
        BasisAlignment.Score(identity, [[1, 0.0101]], []).Should().Be(0);
        BasisAlignment.Score(identity, [], [[0.005, -1], [0, 0]]).Should().Be(3);
    }

    [Fact]
    public void Aligning_a_moved_Strassen_keeps_it_exact_and_puts_its_rank_one_directions_on_the_axes()
    {
        var moved = RandomOrbit.Move(KnownSchemes.Strassen(), 17, maxCondition: 10);
        var alignment = BasisAlignment.Align(moved, 1e-6, 1e-3);
        BrentCheck.MaxResidual(alignment.Aligned).Should().BeLessThan(1e-9);
        // In every frame made of two of Strassen's three points, the six rank-one slots of U have 8 zero
        // entries at least (four slots on an axis: two zeros each).
        int zeros = alignment.Aligned.UFlat.ToArray().Count(c => Math.Abs(c) < 1e-9);
        zeros.Should().BeGreaterThanOrEqualTo(8);
        SchemeSymmetry.ChangeBasis(moved, alignment.P, alignment.Q, alignment.R).CoefficientsEqual(alignment.Aligned)
            .Should().BeTrue();
    }

    [Fact]
    public void Subsets_are_enumerated_in_lexicographic_order()
    {
        BasisAlignment.Subsets(4, 2).Select(s => string.Join("", s)).Should()
            .Equal("01", "02", "03", "12", "13", "23");
        BasisAlignment.Subsets(3, 3).Should().ContainSingle().Which.Should().Equal(0, 1, 2);
        BasisAlignment.Subsets(2, 3).Should().BeEmpty();
        BasisAlignment.Subsets(3, 1).Select(s => s[0]).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Determinants_by_elimination()
    {
        BasisAlignment.Determinant(new double[,] { { 2, 1 }, { 1, 3 } }).Should().BeApproximately(5, 1e-14);
        BasisAlignment.Determinant(new double[,] { { 0, 1 }, { 1, 0 } }).Should().Be(-1);
        BasisAlignment.Determinant(new double[,] { { 1, 2 }, { 2, 4 } }).Should().Be(0);
        BasisAlignment.Determinant(new double[,] { { 0, 0 }, { 0, 1 } }).Should().Be(0);
        BasisAlignment.Determinant(new double[,] { { 1, 2, 3 }, { 0, 4, 5 }, { 1, 0, 6 } }).Should()
            .BeApproximately(22, 1e-12);
        BasisAlignment.Determinant(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 10 } }).Should()
            .BeApproximately(-3, 1e-12);
    }
}
