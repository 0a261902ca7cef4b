using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>validation_experiments.py's constant (:18-44): Strassen with M1 = A11, which is no algorithm.</summary>
[Trait("Category", "Fast")]
public class ValidationConstantTests
{
    [Fact]
    public void Scheme_differs_from_Strassen_only_in_the_first_row_of_U_and_fails_4_of_64_Brent_equations()
    {
        var constant = ValidationConstant.Scheme();
        var strassen = KnownSchemes.Strassen();
        constant.URows()[0].Should().Equal(1, 0, 0, 0);
        strassen.URows()[0].Should().Equal(1, 0, 0, 1);
        constant.URows().Skip(1).Should().BeEquivalentTo(strassen.URows().Skip(1), o => o.WithStrictOrdering());
        constant.VRows().Should().BeEquivalentTo(strassen.VRows(), o => o.WithStrictOrdering());
        constant.WRows().Should().BeEquivalentTo(strassen.WRows(), o => o.WithStrictOrdering());
        var brent = BrentCheck.Exact(constant);
        (brent.FailedEquations, brent.EquationCount).Should().Be((4, 64));
    }

    [Fact]
    public void The_example_file_holds_the_same_constant()
    {
        var file = SchemeReader.Read(Path.Combine(RepoPaths.Root, "examples", "upstream-validation-constant.json"));
        file.Scheme.CoefficientsEqual(ValidationConstant.Scheme()).Should().BeTrue();
    }

    [Fact]
    public void On_A_equal_B_equal_I_it_returns_minus_I_a_relative_error_of_2()
    {
        // M1 = a11 (b11 + b22) = 2 instead of 4, so c11 = c22 = 2 - 1 - 1 - 1 = -1 (Strassen: 1); ||-2I|| / ||I|| = 2.
        float[] identity = [1, 0, 0, 1];
        var c = new float[4];
        new Float32Scheme(ValidationConstant.Scheme()).Apply(identity, identity, c);
        c.Should().Equal(-1, 0, 0, -1);
        Float32Check.FrobeniusRelative(new Float32Scheme(ValidationConstant.Scheme()), identity, identity).Should()
            .Be(2);
        Float32Check.FrobeniusRelative(new Float32Scheme(KnownSchemes.Strassen()), identity, identity).Should().Be(0);
    }
}
