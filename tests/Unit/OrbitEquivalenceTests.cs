using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class OrbitEquivalenceTests
{
    private static OrbitScheme Strassen => ExactOrbit.Of(KnownSchemes.Strassen());

    [Fact]
    public void Strassens_rank_triples_are_one_222_and_six_111()
    {
        var inv = OrbitInvariants.Of(Strassen);
        inv.RankTriplesText.Should().Be("(1,1,1)x6 (2,2,2)x1");
        inv.PairRanks.Should().NotBeNull();
        inv.PairRanks!.Sum(p => p[^1]).Should().Be(21, "7 slots make 21 pairs");
        inv.Fingerprint.Should().HaveLength(16);
        inv.Ring.Should().Be("Z");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void A_moved_scheme_stays_valid_and_keeps_its_invariants(int seed, bool rational)
    {
        var moved = ExactOrbit.Move(Strassen, seed, rational);
        BrentCheck.Exact(moved.ToRational()).IsValid.Should().BeTrue();
        moved.SameAs(Strassen).Should().BeFalse();
        OrbitInvariants.Of(moved).Should().BeEquivalentTo(OrbitInvariants.Of(Strassen));
    }

    [Fact]
    public void Transposed_and_cycled_Laderman_are_valid_schemes()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        BrentCheck.Exact(laderman.Transposed().ToRational()).IsValid.Should().BeTrue();
        BrentCheck.Exact(laderman.Cycled().ToRational()).IsValid.Should().BeTrue();
        laderman.Cycled().Cycled().Cycled().SameAs(laderman).Should().BeTrue();
        laderman.Transposed().Transposed().SameAs(laderman).Should().BeTrue();
    }

    [Fact]
    public void A_rectangular_shape_has_the_symmetries_that_keep_it()
    {
        ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 3, 4))).ShapeSymmetries().Select(s => s.Name).Should().Equal("identity");
        ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 3, 2))).ShapeSymmetries().Select(s => s.Name)
            .Should().Equal("identity", "transpose");
        Strassen.ShapeSymmetries().Should().HaveCount(6);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(13, true)]
    public void A_moved_Strassen_is_equivalent_with_a_map_that_checks(int seed, bool rational)
    {
        var moved = ExactOrbit.Move(Strassen, seed, rational);
        var result = OrbitEquivalence.Decide(Strassen, moved);
        result.Verdict.Should().Be(EquivalenceVerdict.Equivalent, result.Reason);
        Apply(Strassen, result.Map!).SameAs(moved).Should().BeTrue();
    }

    /// <summary>The map as its record says, applied step by step: symmetry, then P, Q, R, then slots and scalings.</summary>
    private static OrbitScheme Apply(OrbitScheme a, OrbitMap map)
    {
        var s = a.ShapeSymmetries().Single(x => x.Name == map.Symmetry).Scheme;
        // X = P^-T, Y = Q^T, Z = R^T.
        var moved = s.Moved(FieldMatrix.Transpose(FieldMatrix.Inverse(map.P, a.Ring)!), FieldMatrix.Transpose(map.Q),
            FieldMatrix.Transpose(map.R));
        var order = new int[a.Rank];
        var alpha = new Fraction[a.Rank];
        var beta = new Fraction[a.Rank];
        for (int r = 0; r < a.Rank; r++) (order[map.Slots[r]], alpha[map.Slots[r]], beta[map.Slots[r]]) = (r, map.Alpha[r], map.Beta[r]);
        return moved.Reordered(order, alpha, beta);
    }

    [Fact]
    public void Winograd_is_in_Strassens_orbit()
    {
        var result = OrbitEquivalence.Decide(Strassen, ExactOrbit.Of(KnownSchemes.Winograd()));
        result.Verdict.Should().Be(EquivalenceVerdict.Equivalent, result.Reason);
    }

    [Fact]
    public void A_moved_Laderman_is_equivalent()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        var result = OrbitEquivalence.Decide(laderman, ExactOrbit.Move(laderman, 5, rational: true));
        result.Verdict.Should().Be(EquivalenceVerdict.Equivalent, result.Reason);
    }

    [Fact]
    public void Schemes_of_different_rank_are_not_equivalent()
    {
        var result = OrbitEquivalence.Decide(Strassen, ExactOrbit.Of(KnownSchemes.Naive(Shape.Square2)));
        result.Verdict.Should().Be(EquivalenceVerdict.NotEquivalent);
        result.Reason.Should().Be("rank differs: 7 slots against 8");
    }

    [Fact]
    public void Different_rank_triples_are_named()
    {
        // Strassen with a zero eighth slot against the naive scheme: eight slots each.
        var s = KnownSchemes.Strassen();
        var padded = Scheme.FromRows(s.Shape, [.. s.URows(), [0, 0, 0, 0]], [.. s.VRows(), [0, 0, 0, 0]],
            s.WRows().Select(row => row.Append(0).ToArray()).ToArray());
        var result = OrbitEquivalence.Decide(ExactOrbit.Of(padded), ExactOrbit.Of(KnownSchemes.Naive(Shape.Square2)));
        result.Verdict.Should().Be(EquivalenceVerdict.NotEquivalent);
        result.Reason.Should().Be("rank triples differ: (0,0,0)x1 (1,1,1)x6 (2,2,2)x1 against (1,1,1)x8");
    }

    [Fact]
    public void Over_F2_a_moved_Strassen_is_equivalent()
    {
        var modTwo = ExactOrbit.Of(KnownSchemes.Strassen(), Ring.F2);
        var moved = ExactOrbit.Move(modTwo, 21);
        BrentCheck.Exact(moved.ToRational(), Ring.F2).IsValid.Should().BeTrue();
        OrbitEquivalence.Decide(modTwo, moved).Verdict.Should().Be(EquivalenceVerdict.Equivalent);
    }

    [Fact]
    public void The_search_bound_gives_undecided()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        var result = OrbitEquivalence.Decide(laderman, ExactOrbit.Move(laderman, 6), maxNodes: 1);
        result.Verdict.Should().Be(EquivalenceVerdict.Undecided);
        result.Reason.Should().Contain("bound of 1");
    }

    [Fact]
    public void Different_shapes_or_rings_are_a_caller_error()
    {
        var act = () => OrbitEquivalence.Decide(Strassen, ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 2, 3))));
        act.Should().Throw<ArgumentException>();
        var ring = () => OrbitEquivalence.Decide(Strassen, ExactOrbit.Of(KnownSchemes.Strassen(), Ring.F2));
        ring.Should().Throw<ArgumentException>();
    }
}
