using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class BrentCheckTests
{
    [Fact]
    public void Strassen_satisfies_all_64_Brent_equations_over_Z()
    {
        var result = BrentCheck.Exact(KnownSchemes.Strassen());
        result.IsValid.Should().BeTrue();
        result.EquationCount.Should().Be(64);
        result.FailedEquations.Should().Be(0);
    }

    [Fact]
    public void Winograd_variant_satisfies_the_Brent_equations_over_Z()
    {
        BrentCheck.Exact(KnownSchemes.Winograd()).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(2, 2, 2)]
    [InlineData(3, 3, 3)]
    [InlineData(2, 3, 4)]
    [InlineData(1, 5, 2)]
    public void The_naive_scheme_is_valid_for_every_shape(int n, int m, int p)
    {
        var naive = KnownSchemes.Naive(new Shape(n, m, p));
        naive.Rank.Should().Be(n * m * p);
        BrentCheck.Exact(naive).IsValid.Should().BeTrue();
        BrentCheck.Exact(naive, Ring.F2).IsValid.Should().BeTrue();
    }
}
