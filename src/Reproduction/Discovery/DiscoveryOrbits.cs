using System.Diagnostics;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// A discovery's distinct schemes in orbit classes (OrbitClasses, docs/orbits.md), computed once at the end: each
/// class's members (indices into DiscoverySummary.Distinct) lie in one orbit when the class is decided (every one
/// mapped onto the first, checked exactly); in an undecided class some only share every invariant with the first.
/// Two classes always differ in an invariant, so the schemes span at least Classes.Count orbits, exactly that many
/// when none is undecided.
/// </summary>
public sealed record DiscoveryOrbits(IReadOnlyList<OrbitClass> Classes, TimeSpan Elapsed)
{
    public static DiscoveryOrbits None { get; } = new([], TimeSpan.Zero);

    public int Undecided => Classes.Count(c => !c.Decided);
    public int Decided => Classes.Count - Undecided;

    /// <summary>The class (1-based, in the order of Classes) of each distinct scheme.</summary>
    public IReadOnlyList<int> ClassOf(int schemes)
    {
        var of = new int[schemes];
        for (int c = 0; c < Classes.Count; c++)
            foreach (int m in Classes[c].Members) of[m] = c + 1;
        return of;
    }

    /// <summary>A kept scheme's exact coefficients: integers or dyadic fractions (DiscoveryCrystallizer.IsExact).</summary>
    public static RationalScheme Rational(Scheme s) => RationalScheme.FromDyadic(s)
        ?? throw new ArgumentException("a kept scheme has coefficients that are not dyadic fractions", nameof(s));

    /// <summary>The exact slot matrices of a kept scheme, over Z/Q.</summary>
    public static OrbitScheme Exact(Scheme s) => OrbitScheme.Of(Rational(s), Ring.Z);

    public static DiscoveryOrbits Of(IReadOnlyList<DistinctScheme> distinct)
    {
        var clock = Stopwatch.StartNew();
        var classes = OrbitClasses.Of(distinct.Select(d => Exact(d.Scheme)).ToList());
        return new DiscoveryOrbits(classes, clock.Elapsed);
    }
}
