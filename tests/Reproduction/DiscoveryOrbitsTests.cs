using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;
using StrassenRepro.Reproduction.Discovery;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class DiscoveryOrbitsTests
{
    private static DistinctScheme Kept(Scheme s) => new(s, [1], ExactBy.Rounding, SchemeCost.Additions(s));

    /// <summary>Strassen with slot 0's U doubled and its W column halved: the same products, dyadic coefficients.</summary>
    private static Scheme ScaledStrassen()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        var w = s.WRows();
        u[0] = u[0].Select(x => 2 * x).ToArray();
        foreach (var row in w) row[0] /= 2;
        return Scheme.FromRows(s.Shape, u, s.VRows(), w);
    }

    [Fact]
    public void Strassen_Winograd_and_a_scaled_Strassen_are_one_decided_class()
    {
        BrentCheck.IsValid(ScaledStrassen()).Should().BeFalse("half is not an integer, so only the exact check over Q holds");
        DiscoveryCrystallizer.IsExact(ScaledStrassen()).Should().BeTrue();
        var orbits = DiscoveryOrbits.Of([Kept(KnownSchemes.Strassen()), Kept(KnownSchemes.Winograd()), Kept(ScaledStrassen())]);
        orbits.Classes.Should().ContainSingle();
        orbits.Classes[0].Members.Should().Equal(0, 1, 2);
        (orbits.Decided, orbits.Undecided).Should().Be((1, 0));
        orbits.ClassOf(3).Should().Equal(1, 1, 1);
    }

    [Fact]
    public void Schemes_of_different_ranks_and_invariants_are_different_classes()
    {
        // Naive <2,2,2;8>: 8 slots, rank triples (1,1,1)x8; Strassen: 7, (1,1,1)x6 (2,2,2)x1.
        var orbits = DiscoveryOrbits.Of([Kept(KnownSchemes.Strassen()), Kept(KnownSchemes.Naive(Shape.Square2))]);
        orbits.Classes.Should().HaveCount(2);
        orbits.Classes.Select(c => c.Invariant.Fingerprint).Should().OnlyHaveUniqueItems();
        orbits.ClassOf(2).Should().Equal(1, 2);
    }

    [Fact]
    public void A_discovery_reports_classes_that_never_join_schemes_whose_invariants_differ()
    {
        var dir = TempFolder.Path("discover-orbits");
        var summary = Discoverer.Run(new DiscoverOptions
        {
            Target = new DiscoveryTarget(new Shape(2, 2, 3), 11),
            OutDir = dir,
            Threads = 1,
            Protocol = DiscoveryProtocol.Als,
            Budget = new DiscoveryBudget(Runs: 16),
        });
        summary.Distinct.Should().HaveCountGreaterThan(3, "als finds <2,2,3;11> schemes in most runs");
        var orbits = summary.Orbits;
        orbits.Classes.SelectMany(c => c.Members).Order().Should().Equal(Enumerable.Range(0, summary.Distinct.Count));
        var exact = summary.Distinct.Select(d => DiscoveryOrbits.Exact(d.Scheme)).ToList();
        foreach (var c in orbits.Classes)
        {
            c.Members.Select(m => OrbitInvariants.Of(exact[m]).Fingerprint).Should().AllBe(c.Invariant.Fingerprint);
            if (c.Decided)
                c.Members.Skip(1).Where(m => OrbitEquivalence.Decide(exact[c.Members[0]], exact[m]).Verdict != EquivalenceVerdict.Equivalent)
                    .Should().BeEmpty("a decided class holds only schemes mapped onto its first");
        }
        orbits.Classes.Select(c => c.Invariant.Fingerprint).Should().OnlyHaveUniqueItems();
        File.ReadAllText(Path.Combine(dir, "discovery.md")).Should()
            .Contain($"| orbit classes (decided, undecided) | {orbits.Classes.Count} ({orbits.Decided}, {orbits.Undecided}) | |");
    }
}
