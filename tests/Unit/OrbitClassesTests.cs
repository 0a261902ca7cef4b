using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class OrbitClassesTests
{
    private static OrbitScheme Strassen => ExactOrbit.Of(KnownSchemes.Strassen());

    [Fact]
    public void Schemes_of_one_orbit_share_a_decided_class_and_others_get_their_own()
    {
        var schemes = new[]
        {
            Strassen, ExactOrbit.Of(KnownSchemes.Naive(Shape.Square2)), ExactOrbit.Move(Strassen, 4, rational: true),
            ExactOrbit.Of(KnownSchemes.Winograd()), ExactOrbit.Of(KnownSchemes.Strassen(), Ring.F2),
            ExactOrbit.Of(KnownSchemes.Naive(new Shape(2, 2, 3))),
        };
        var classes = OrbitClasses.Of(schemes);
        classes.Select(c => c.Members).Should().BeEquivalentTo(new[] { new[] { 0, 2, 3 }, [1], [4], [5] },
            o => o.WithStrictOrdering());
        classes.Should().OnlyContain(c => c.Decided);
        classes[0].Invariant.Should().BeEquivalentTo(OrbitInvariants.Of(Strassen));
        classes[0].Shape.Should().Be(Shape.Square2);
        classes[2].Invariant.Ring.Should().Be("F2", "the same table mod 2 is a scheme of another ring");
        classes[3].Shape.Should().Be(new Shape(2, 2, 3));
    }

    [Fact]
    public void A_pair_the_search_cannot_decide_shares_an_undecided_class_only_when_every_invariant_agrees()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        var schemes = new[] { laderman, ExactOrbit.Move(laderman, 6), ExactOrbit.Of(KnownSchemes.Naive(new Shape(3, 3, 3))) };
        var classes = OrbitClasses.Of(schemes, maxNodesPerPair: 1);
        classes.Should().HaveCount(2);
        classes[0].Members.Should().Equal(0, 1);
        classes[0].Decided.Should().BeFalse();
        classes[1].Members.Should().Equal(2);
        classes[1].Decided.Should().BeTrue("a class of one needs no decision");
    }

    [Fact]
    public void An_equivalent_class_is_preferred_to_an_undecided_one()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        var classes = OrbitClasses.Of([laderman, laderman, ExactOrbit.Move(laderman, 6)], maxNodesPerPair: 1);
        // The identical copy is decided at once (the search's first node maps it); the moved one is not.
        classes.Should().ContainSingle();
        classes[0].Members.Should().Equal(0, 1, 2);
        classes[0].Decided.Should().BeFalse();
    }

    [Fact]
    public void No_schemes_give_no_classes() => OrbitClasses.Of([]).Should().BeEmpty();
}
