using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class OrbitInvariantsTests
{
    private static OrbitInvariants With(int[][] triples, int[][]? pairs) =>
        new() { RankTriples = triples, PairRanks = pairs, Fingerprint = "", Ring = "Z" };

    [Fact]
    public void The_first_difference_names_rank_triples_before_pair_ranks()
    {
        var a = With([[1, 1, 1, 6], [2, 2, 2, 1]], [[1, 1, 1, 1, 1, 1, 2, 2, 2, 15]]);
        a.FirstDifference(a).Should().BeNull();
        a.FirstDifference(With([[1, 1, 1, 7]], [[1, 1, 1, 1, 1, 1, 2, 2, 2, 15]])).Should().Be("rank triples");
        a.FirstDifference(With([[1, 1, 1, 6], [2, 2, 2, 1]], [[1, 1, 1, 1, 1, 1, 2, 2, 1, 15]])).Should().Be("pair ranks");
        a.FirstDifference(With([[1, 1, 1, 6], [2, 2, 2, 1]], null)).Should().BeNull("pair ranks not computed on one side");
        With([[1, 1, 1, 6], [2, 2, 2, 1]], null).FirstDifference(a).Should().BeNull();
    }

    [Fact]
    public void Rank_triples_count_the_slots_of_each_kind_in_order()
    {
        var naive = OrbitInvariants.Of(ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 2, 3))));
        naive.RankTriplesText.Should().Be("(1,1,1)x12");
        naive.PairRanks!.Sum(p => p[^1]).Should().Be(66, "12 slots make 66 pairs");
        var laderman = OrbitInvariants.Of(ExactOrbit.Of(KnownSchemes.Laderman()));
        laderman.RankTriples.Sum(t => t[3]).Should().Be(23);
        laderman.RankTriples.Select(t => t[..3]).Should().BeInAscendingOrder(Comparer<int[]>.Create(OrbitInvariants.Compare));
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 1, 2 }, 0)]
    [InlineData(new[] { 1, 2 }, new[] { 1, 3 }, -1)]
    [InlineData(new[] { 2, 0 }, new[] { 1, 3 }, 1)]
    public void Compare_is_lexicographic(int[] x, int[] y, int sign) => Math.Sign(OrbitInvariants.Compare(x, y)).Should().Be(sign);

    [Fact]
    public void The_pencil_rank_is_the_generic_rank_of_a_plus_t_b()
    {
        Fraction[,] e11 = { { 1, 0 }, { 0, 0 } }, e22 = { { 0, 0 }, { 0, 1 } }, minusE11 = { { -1, 0 }, { 0, 0 } };
        OrbitInvariants.PencilRank(e11, e22, Ring.Z).Should().Be(2);
        // a + t b with b = -a is rank 1 for every t but 1: the generic rank is still 1, and t = 1 alone gives 0.
        OrbitInvariants.PencilRank(e11, minusE11, Ring.Z).Should().Be(1);
        Fraction[,] ones = { { 1, 1 }, { 1, 1 } }, id = { { 1, 0 }, { 0, 1 } };
        // Over F2 only a + b: ones + id = antidiagonal, rank 2; id + id = 0.
        OrbitInvariants.PencilRank(ones, id, Ring.F2).Should().Be(2);
        OrbitInvariants.PencilRank(id, id, Ring.F2).Should().Be(0);
        OrbitInvariants.PencilRank(id, id, Ring.Z).Should().Be(2);
    }
}
