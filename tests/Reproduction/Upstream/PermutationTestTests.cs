using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validation_experiments.py's "uniqueness via slot permutation" (:85-122). Its result
/// (experiments/validation_results.json, permutation_uniqueness): 5040 permutations, max error 0.7414124608039856, mean
/// 0.7414124291567575, all_equivalent false: the identity errs as much as any other permutation.
/// </summary>
[Trait("Category", "Fast")]
public class PermutationTestTests
{
    [Fact]
    public void Permutations_are_itertools_order()
    {
        PermutationTest.Permutations(3).Select(p => string.Concat(p)).Should()
            .Equal("012", "021", "102", "120", "201", "210");
        PermutationTest.Permutations(7).Count().Should().Be(5040);
    }

    [Fact]
    public void On_the_upstream_constant_every_permutation_the_identity_included_has_the_same_error()
    {
        var r = PermutationTest.Run(ValidationConstant.Scheme(), new GaussianSource(85));
        r.Permutations.Should().Be(5040);
        r.IdentityError.Should().BeGreaterThan(0.01);
        (r.MaxError - r.MinError).Should()
            .BeLessThan(1e-6 * r.MaxError + 1e-7, "slot order changes only float32 rounding");
        r.AllEquivalent.Should().BeFalse("as upstream: all_equivalent = false because even the identity fails");
    }

    [Fact]
    public void On_Strassen_every_permutation_is_exact_and_all_are_equivalent()
    {
        var r = PermutationTest.Run(KnownSchemes.Strassen(), new GaussianSource(85));
        r.MaxError.Should().BeLessThan(1e-6);
        r.AllEquivalent.Should().BeTrue();
        r.IdentityError.Should().BeLessThan(1e-6);
    }
}
