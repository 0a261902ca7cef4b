using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// experiments/validation_experiments.py:85-122 ("uniqueness via slot permutation") on a given scheme: one N(0,1) pair;
/// for each of the R! permutations, permute U's rows, V's rows and W's columns together and take the relative Frobenius
/// error of the product. Permuting slots together is an exact symmetry of any scheme, so every permutation, the
/// identity included, gives the scheme's own error: the test cannot single out the identity.
/// </summary>
public static class PermutationTest
{
    public const double EquivalentBelow = 1e-6;

    public static PermutationResult Run(Scheme scheme, GaussianSource rng)
    {
        Span<float> a = stackalloc float[4], b = stackalloc float[4];
        Float32Check.Draw(rng, a, b);
        var errors = new List<double>();
        double identity = double.NaN;
        foreach (var perm in Permutations(scheme.Rank))
        {
            double e = Float32Check.FrobeniusRelative(new Float32Scheme(scheme.SelectSlots(perm)), a, b);
            if (perm.Select((p, i) => p == i).All(x => x)) identity = e;
            errors.Add(e);
        }
        return new PermutationResult(errors.Count, identity, errors.Min(), errors.Max(), errors.Average());
    }

    /// <summary>Every permutation of 0..n-1 in lexicographic order (itertools.permutations(range(n))).</summary>
    public static IEnumerable<int[]> Permutations(int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        while (true)
        {
            yield return (int[])p.Clone();
            int i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1]) i--;
            if (i < 0) yield break;
            int j = n - 1;
            while (p[j] <= p[i]) j--;
            (p[i], p[j]) = (p[j], p[i]);
            Array.Reverse(p, i + 1, n - i - 1);
        }
    }
}
