namespace StrassenRepro.Crystallization.Recovery;

/// <summary>
/// In a Strassen-type scheme six of the seven slots of U (and of V) are rank one, x y^T, and their
/// left directions x fall pairwise onto three projective points, as do their right directions y.
/// This finds the six slots and the three points on each side from a real (noisy) scheme.
/// </summary>
public sealed record DirectionTriples(
    int RankTwoSlot,
    ProjectivePoint[] Left,
    ProjectivePoint[] Right,
    double WorstRankOneRatio,
    double WorstPairSine,
    double Separation)
{
    // Structure checks, only for an informative reason: the exact Brent check is what decides.
    public const double MaxRankOneRatio = 0.1;
    public const double MaxPairSine = 0.1;

    /// <summary>The 15 ways to split six items into three pairs.</summary>
    private static readonly int[][] Pairings = AllPairings([0, 1, 2, 3, 4, 5]).ToArray();

    /// <summary>
    /// Tries every slot as the odd (rank-two) one and keeps the choice whose six remaining slots pair
    /// best (smallest sum of the worst in-pair sines, left and right): a plain "six smallest singular
    /// value ratios" rule can pick the wrong slot once a badly conditioned basis makes the rank-two
    /// slot look nearly rank one.
    /// </summary>
    public static DirectionTriples Find(IReadOnlyList<RankOneDirections> slots)
    {
        if (slots.Count != 7) throw new ArgumentException("expected 7 slots", nameof(slots));
        DirectionTriples? best = null;
        double bestCost = double.PositiveInfinity;
        for (int odd = 0; odd < 7; odd++)
        {
            var six = Enumerable.Range(0, 7).Where(r => r != odd).Select(r => slots[r]).ToArray();
            var (left, leftSine) = Cluster(six.Select(s => s.Left).ToArray());
            var (right, rightSine) = Cluster(six.Select(s => s.Right).ToArray());
            double cost = leftSine + rightSine;
            if (cost >= bestCost) continue;
            bestCost = cost;
            best = new DirectionTriples(odd, left, right,
                six.Max(s => s.Ratio), Math.Max(leftSine, rightSine), Math.Min(SmallestSine(left), SmallestSine(right)));
        }
        return best!;
    }

    /// <summary>Why these triples are not the rank-one structure of a Strassen-type factor, or null when they are.</summary>
    public string? StructureProblem(string name)
    {
        // Written as !(x <= bound) so that a NaN (from an overflowing input) counts as a failure.
        if (!(WorstRankOneRatio <= MaxRankOneRatio))
            return $"six slots of {name} are not rank one (worst sigma2/sigma1 {WorstRankOneRatio:0.###})";
        if (!(WorstPairSine <= MaxPairSine))
            return $"the rank-one directions of {name} do not fall pairwise onto three points (worst in-pair sine {WorstPairSine:0.###})";
        if (!(Separation > 2 * WorstPairSine && Separation >= 1e-9))
            return $"the directions of {name} do not form three distinct points (separation {Separation:0.###e+0})";
        return null;
    }

    /// <summary>Best pairing of six points into three: the mean point of each pair and the worst in-pair sine.</summary>
    internal static (ProjectivePoint[] Points, double WorstSine) Cluster(ProjectivePoint[] six)
    {
        int[]? bestPairing = null;
        double bestWorst = double.PositiveInfinity;
        foreach (var pairing in Pairings)
        {
            double worst = 0;
            for (int k = 0; k < 6; k += 2) worst = Math.Max(worst, six[pairing[k]].SineTo(six[pairing[k + 1]]));
            // bestPairing is null: a NaN sine (from an overflowing input) must still give points, not a null pairing.
            if (bestPairing is null || worst < bestWorst) { bestWorst = worst; bestPairing = pairing; }
        }
        var points = new ProjectivePoint[3];
        for (int k = 0; k < 3; k++) points[k] = six[bestPairing![2 * k]].MeanLine(six[bestPairing[2 * k + 1]]);
        return (points, bestWorst);
    }

    /// <summary>Smallest sine between two of the three points: near 0 means they do not form a frame.</summary>
    private static double SmallestSine(ProjectivePoint[] p) =>
        Math.Min(p[0].SineTo(p[1]), Math.Min(p[0].SineTo(p[2]), p[1].SineTo(p[2])));

    private static IEnumerable<int[]> AllPairings(int[] items)
    {
        // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
        if (items.Length == 0) { yield return []; yield break; }
        for (int j = 1; j < items.Length; j++)
        {
            var rest = items.Where((_, i) => i != 0 && i != j).ToArray();
            foreach (var tail in AllPairings(rest)) yield return [items[0], items[j], .. tail];
        }
    }
}
