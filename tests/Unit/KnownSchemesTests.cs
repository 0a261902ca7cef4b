using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class KnownSchemesTests
{
    [Fact]
    public void Ladermans_23_products_multiply_3x3_matrices_exactly()
    {
        var laderman = KnownSchemes.Laderman();
        laderman.Shape.Should().Be(new Shape(3, 3, 3));
        laderman.Rank.Should().Be(23);
        BrentCheck.Exact(laderman).IsValid.Should().BeTrue();
        laderman.Coefficients().Should().OnlyContain(c => c == -1 || c == 0 || c == 1);
    }

    [Fact]
    public void Ladermans_first_product_reads_seven_entries_of_A_and_b22()
    {
        // M1 = (a11 + a12 + a13 - a21 - a22 - a32 - a33) b22, and c12 uses it.
        var laderman = KnownSchemes.Laderman();
        laderman.URow(0).ToArray().Should().Equal(1, 1, 1, -1, -1, 0, 0, -1, -1);
        laderman.VRow(0).ToArray().Should().Equal(0, 0, 0, 0, 1, 0, 0, 0, 0);
        laderman.WColumn(0).Should().Equal(0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    [Fact]
    public void Joining_Strassen_and_a_column_gives_an_exact_2x2x3_scheme_of_rank_11()
    {
        var joined = SchemeAlgebra.JoinColumns(KnownSchemes.Strassen(), KnownSchemes.Naive(new Shape(2, 2, 1)));
        joined.Shape.Should().Be(new Shape(2, 2, 3));
        joined.Rank.Should().Be(11);
        BrentCheck.Exact(joined).IsValid.Should().BeTrue();
        var act = () => SchemeAlgebra.JoinColumns(KnownSchemes.Strassen(), KnownSchemes.Naive(new Shape(2, 1, 1)));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Random_orbit_points_of_3x3_schemes_stay_exact_and_are_deterministic()
    {
        var moved = RandomOrbit.Move(KnownSchemes.Laderman(), 4, maxCondition: 10);
        BrentCheck.MaxResidual(moved).Should().BeLessThan(1e-9);
        RandomOrbit.Move(KnownSchemes.Laderman(), 4, maxCondition: 10).CoefficientsEqual(moved).Should().BeTrue();
        var basis = RandomOrbit.RandomBasis(new GaussianSource(3), 3, 10);
        Math.Abs(BasisDeterminant(basis)).Should().BeGreaterThan(1e-6);
        RandomOrbit.RandomBasis(new GaussianSource(3), 1, 10)[0, 0].Should().NotBe(0);
    }

    private static double BasisDeterminant(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
}
