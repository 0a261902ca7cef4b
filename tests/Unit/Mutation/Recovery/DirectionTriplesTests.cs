using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class DirectionTriplesTests
{
    private static readonly ProjectivePoint E1 = new(1, 0), E2 = new(0, 1), Diagonal = new(1, 1);

    /// <summary>
    /// Slot 3 is the odd (rank-two) one. The other six pair up: left onto e1, e2 and a point close to
    /// e1 (sine 0.196 to it), exactly; right onto e1, e2, (1, 1) with one pair 0.05 apart.
    /// </summary>
    private static RankOneDirections[] Slots()
    {
        var nearE1 = new ProjectivePoint(1, 0.2);
        return
        [
            new(0.01, E1, E1),
            new(0.02, E2, E2),
            new(0.03, nearE1, Diagonal),
            new(0.9, new ProjectivePoint(1, -3), new ProjectivePoint(-2, 1)),
            new(0.06, E1, new ProjectivePoint(1, 0.05)),
            new(0.05, E2, E2),
            new(0.04, nearE1, Diagonal),
        ];
    }

    [Fact]
    public void The_slot_that_fits_no_pair_is_taken_as_the_rank_two_slot()
    {
        DirectionTriples.Find(Slots()).RankTwoSlot.Should().Be(3);
    }

    [Fact]
    public void The_worst_rank_one_ratio_is_the_largest_among_the_six_paired_slots()
    {
        DirectionTriples.Find(Slots()).WorstRankOneRatio.Should().Be(0.06);
    }

    [Fact]
    public void The_worst_pair_sine_is_the_larger_of_the_left_and_the_right_one()
    {
        // Left pairs coincide exactly; the right pair e1 / (1, 0.05) is 0.05 / |(1, 0.05)| apart.
        DirectionTriples.Find(Slots()).WorstPairSine.Should().BeApproximately(0.05 / Math.Sqrt(1.0025), 1e-15);
    }

    [Fact]
    public void The_separation_is_the_smallest_sine_between_any_two_of_the_points_on_either_side()
    {
        // The closest two points are e1 and (1, 0.2) on the left: neither the first pair found nor the right side.
        DirectionTriples.Find(Slots()).Separation.Should().BeApproximately(0.2 / Math.Sqrt(1.04), 1e-12);
    }

    [Fact]
    public void The_three_points_are_the_mean_lines_of_the_pairs()
    {
        var t = DirectionTriples.Find(Slots());
        t.Left.Should().HaveCount(3);
        t.Left[0].SineTo(E1).Should().BeLessThan(1e-15);
        t.Left[1].SineTo(E2).Should().BeLessThan(1e-15);
        t.Left[2].SineTo(new ProjectivePoint(1, 0.2)).Should().BeLessThan(1e-15);
        t.Right.Should().HaveCount(3);
    }

    [Fact]
    public void Slots_with_undefined_directions_still_give_triples_that_name_one_of_the_seven_slots()
    {
        // What an overflowing input produces: NaN directions. The sines are NaN, so every check downstream fails.
        var nan = new ProjectivePoint(double.NaN, double.NaN);
        var slots = Enumerable.Range(0, 7).Select(_ => new RankOneDirections(double.NaN, nan, nan)).ToArray();
        var t = DirectionTriples.Find(slots);
        t.RankTwoSlot.Should().BeInRange(0, 6);
        t.Left.Should().HaveCount(3);
        double.IsNaN(t.WorstPairSine).Should().BeTrue();
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Anything_but_seven_slots_is_refused(int count)
    {
        var slots = Enumerable.Range(0, count).Select(_ => new RankOneDirections(0, E1, E1)).ToArray();
        var act = () => DirectionTriples.Find(slots);
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("slots");
    }
}
