using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

/// <summary>The structure checks at their bounds: a bound itself still passes, a hair beyond fails.</summary>
[Trait("Category", "Fast")]
public class DirectionTriplesStructureTests
{
    private static readonly ProjectivePoint[] Frame = [new(1, 0), new(0, 1), new(1, 1)];

    private static DirectionTriples With(double ratio, double pairSine, double separation) =>
        new(6, Frame, Frame, ratio, pairSine, separation);

    [Fact]
    public void Triples_within_every_bound_have_no_structure_problem() =>
        With(0.01, 0.01, 0.5).StructureProblem("U").Should().BeNull();

    [Fact]
    public void A_rank_one_ratio_of_exactly_the_bound_passes_and_just_above_fails()
    {
        With(DirectionTriples.MaxRankOneRatio, 0, 0.5).StructureProblem("U").Should().BeNull();
        With(Math.BitIncrement(DirectionTriples.MaxRankOneRatio), 0, 0.5).StructureProblem("U")
            .Should().StartWith("six slots of U are not rank one");
    }

    [Fact]
    public void A_worst_pair_sine_of_exactly_the_bound_passes_and_just_above_fails()
    {
        With(0, DirectionTriples.MaxPairSine, 0.5).StructureProblem("V").Should().BeNull();
        With(0, Math.BitIncrement(DirectionTriples.MaxPairSine), 0.5).StructureProblem("V")
            .Should().StartWith("the rank-one directions of V do not fall pairwise onto three points");
    }

    [Fact]
    public void A_separation_of_exactly_twice_the_pair_sine_is_not_enough()
    {
        With(0, 0.05, 0.1).StructureProblem("U").Should().StartWith("the directions of U do not form three distinct points");
        With(0, 0.05, Math.BitIncrement(0.1)).StructureProblem("U").Should().BeNull();
    }

    [Fact]
    public void A_separation_of_exactly_1e_9_passes_for_exact_pairs_and_just_below_fails()
    {
        With(0, 0, 1e-9).StructureProblem("U").Should().BeNull();
        With(0, 0, Math.BitDecrement(1e-9)).StructureProblem("U").Should().StartWith("the directions of U do not form three distinct points");
    }

    [Fact]
    public void NaN_measures_count_as_failures()
    {
        With(double.NaN, 0, 0.5).StructureProblem("U").Should().NotBeNull();
        With(0, double.NaN, 0.5).StructureProblem("U").Should().NotBeNull();
        With(0, 0, double.NaN).StructureProblem("U").Should().NotBeNull();
    }

    [Fact]
    public void Among_equally_good_pairings_the_first_in_enumeration_order_is_kept()
    {
        // Pairings (0 1)(2 3)(4 5) ... (0 5)(1 4)(2 3) all pair equal lines here (worst sine 0), but the
        // mean of a pair keeps the sign of its first point, so the kept pairing shows in the signs.
        ProjectivePoint[] six = [new(1, 0), new(2, 0), new(-1, 0), new(3, 0), new(1, 0), new(-5, 0)];
        var (points, worst) = DirectionTriples.Cluster(six);
        worst.Should().Be(0);
        points.Should().Equal(new ProjectivePoint(1, 0), new ProjectivePoint(-1, 0), new ProjectivePoint(1, 0));
    }
}
