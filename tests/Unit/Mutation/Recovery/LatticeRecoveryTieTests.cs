using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

/// <summary>Recovery's candidate pieces where the public path only reaches them through exact ties or degenerate frames.</summary>
[Trait("Category", "Fast")]
public class LatticeRecoveryTieTests
{
    private static readonly double[,] I = { { 1, 0 }, { 0, 1 } };
    private static readonly ProjectivePoint[] Frame = [new(1, 0), new(0, 1), new(1, 1)];

    private static LatticeRecovery.Candidate Candidate(double margin, bool isStrassen) =>
        new(I, I, I, [], [], KnownSchemes.Strassen(), margin, isStrassen);

    [Fact]
    public void A_labeling_whose_points_coincide_gives_no_candidate_instead_of_throwing()
    {
        ProjectivePoint[] coincide = [new(1, 0), new(1, 0), new(0, 1)];
        LatticeRecovery.Candidate.Build(KnownSchemes.Strassen(), coincide, Frame, Frame).Should().BeNull();
        LatticeRecovery.Candidate.Build(KnownSchemes.Strassen(), Frame, Frame, coincide).Should().BeNull();
    }

    [Fact]
    public void Of_two_candidates_with_equal_margins_neither_is_better()
    {
        Candidate(0.125, false).IsBetterThan(Candidate(0.125, false)).Should().BeFalse();
        Candidate(0.125, true).IsBetterThan(Candidate(0.125, true)).Should().BeFalse();
    }

    [Fact]
    public void A_smaller_margin_is_better_and_Strassen_beats_any_margin()
    {
        Candidate(0.1, false).IsBetterThan(Candidate(0.125, false)).Should().BeTrue();
        Candidate(0.2, true).IsBetterThan(Candidate(0.0, false)).Should().BeTrue();
        Candidate(0.0, false).IsBetterThan(Candidate(0.2, true)).Should().BeFalse();
    }

    [Theory]
    [InlineData(new double[] { 0, 1, 0, -1 }, 1)]
    [InlineData(new double[] { 0, -1, 0, 1 }, -1)]
    [InlineData(new double[] { -2, 0, 2, 0 }, -0.5)]
    public void Of_equally_large_entries_the_first_becomes_plus_one(double[] row, double scale) =>
        LatticeRecovery.Candidate.PrimitiveScale(row).Should().Be(scale);
}
