using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Discovery;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class DiscoveryCrystallizerTests
{
    [Fact]
    public void A_noisy_point_of_a_known_2x2x3_scheme_in_another_basis_comes_back_exact()
    {
        // <2,2,3;11> = Strassen beside the naive <2,2,1>, moved to a random basis with small noise: what a trained run
        // of discover looks like when it converged; rounding alone gives nothing here.
        var exact = SchemeAlgebra.JoinColumns(KnownSchemes.Strassen(), KnownSchemes.Naive(new Shape(2, 2, 1)));
        var trained = RandomOrbit.Move(exact, seed: 3, maxCondition: 10, noise: 1e-6);
        BrentCheck.IsValid(Discretizer.Q(trained)).Should().BeFalse();

        var found = DiscoveryCrystallizer.Exact(trained);

        found.Should().NotBeNull();
        found!.Shape.Should().Be(new Shape(2, 2, 3));
        found.Rank.Should().Be(11);
        DiscoveryCrystallizer.IsExact(found).Should().BeTrue();
    }

    [Fact]
    public void Coefficients_far_from_any_scheme_give_nothing()
    {
        var noise = RandomOrbit.Move(KnownSchemes.Naive(new Shape(2, 2, 3)), seed: 1, maxCondition: 10, noise: 0.3);
        DiscoveryCrystallizer.Exact(noise).Should().BeNull();
    }

    [Fact]
    public void Exact_means_integers_or_dyadic_fractions_that_satisfy_every_Brent_equation()
    {
        var strassen = KnownSchemes.Strassen();
        DiscoveryCrystallizer.IsExact(strassen).Should().BeTrue();
        // Halving one slot's U and doubling its W keeps the product: exact over Q with a dyadic coefficient.
        DiscoveryCrystallizer.IsExact(SchemeSymmetry.ScaleSlot(strassen, 0, 0.5, 1)).Should().BeTrue();
        // A third is no float64: the same move by 3 is refused, not rounded.
        DiscoveryCrystallizer.IsExact(SchemeSymmetry.ScaleSlot(strassen, 0, 1.0 / 3, 1)).Should().BeFalse();
        var u = strassen.UFlat.ToArray();
        u[0] += 0.5;
        var broken = new Scheme(strassen.Shape, strassen.Rank, u, strassen.VFlat.ToArray(), strassen.WFlat.ToArray());
        DiscoveryCrystallizer.IsExact(broken).Should().BeFalse();
    }
}
