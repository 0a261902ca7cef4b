namespace StrassenRepro.Crystallization.Orbits;

/// <summary>One orbit class: its members (indices into the input), their invariants, and whether every member
/// was shown equivalent to the first (Decided) or some only share every invariant with it.</summary>
public sealed record OrbitClass(OrbitInvariants Invariant, Shape Shape, IReadOnlyList<int> Members, bool Decided);

/// <summary>
/// Groups exact schemes into orbit classes: two schemes share a class only when OrbitEquivalence says
/// EQUIVALENT, or, in a class marked undecided, when it could decide neither way and every invariant agrees.
/// Schemes of other shapes, rings, ranks or invariants never share a class. Equivalence is transitive, so each
/// scheme is compared with the first member of each class of its invariants.
/// </summary>
public static class OrbitClasses
{
    public static IReadOnlyList<OrbitClass> Of(IReadOnlyList<OrbitScheme> schemes, long maxNodesPerPair = OrbitEquivalence.DefaultMaxNodes)
    {
        var invariants = schemes.Select(OrbitInvariants.Of).ToArray();
        var classes = new List<(int First, List<int> Members, bool Decided)>();
        for (int i = 0; i < schemes.Count; i++)
        {
            var s = schemes[i];
            int undecided = -1;
            int joined = -1;
            for (int c = 0; c < classes.Count && joined < 0; c++)
            {
                var first = schemes[classes[c].First];
                if (first.Shape != s.Shape || first.Ring != s.Ring || first.Rank != s.Rank ||
                    invariants[classes[c].First].Fingerprint != invariants[i].Fingerprint) continue;
                var verdict = OrbitEquivalence.Decide(first, s, maxNodesPerPair).Verdict;
                if (verdict == EquivalenceVerdict.Equivalent) joined = c;
                else if (verdict == EquivalenceVerdict.Undecided && undecided < 0) undecided = c;
            }
            if (joined >= 0) classes[joined].Members.Add(i);
            else if (undecided >= 0)
            {
                classes[undecided].Members.Add(i);
                classes[undecided] = classes[undecided] with { Decided = false };
            }
            else classes.Add((i, [i], true));
        }
        return classes.Select(c => new OrbitClass(invariants[c.First], schemes[c.First].Shape, c.Members, c.Decided)).ToList();
    }
}
