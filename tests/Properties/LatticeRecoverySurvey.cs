using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;
using Xunit.Abstractions;

namespace StrassenRepro.Tests.Properties;

/// <summary>
/// The recovery rates quoted in docs/verify.md (lattice recovery, Limits), on 1000 (300 for the noisy
/// rows) consecutive seeds of RandomOrbit. Slower than the Fast properties, so run on demand:
/// dotnet test tests/Properties --filter Category=Reproduction --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Reproduction")]
public class LatticeRecoverySurvey(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Strassen", 0.0, 100.0, 1000, 1.0)]
    [InlineData("Winograd", 0.0, 100.0, 1000, 1.0)]
    [InlineData("Strassen", 1e-6, 100.0, 1000, 1.0)]
    [InlineData("Winograd", 1e-6, 100.0, 1000, 1.0)]
    [InlineData("Strassen", 1e-5, 100.0, 300, 1.0)]
    [InlineData("Strassen", 1e-3, 10.0, 300, 0.95)]
    [InlineData("Winograd", 1e-3, 10.0, 300, 0.95)]
    [InlineData("Strassen", 1e-3, 100.0, 300, 0.0)]
    public void Recovery_rate_on_random_orbit_points(string scheme, double noise, double maxCondition, int trials, double minimumRate)
    {
        var exact = scheme == "Strassen" ? KnownSchemes.Strassen() : KnownSchemes.Winograd();
        int recovered = 0, canonical = 0;
        double worstMargin = 0;
        for (ulong seed = 1; seed <= (ulong)trials; seed++)
        {
            var result = LatticeRecovery.TryRecover(RandomOrbit.Move(exact, seed, maxCondition, noise));
            if (!result.Succeeded) continue;
            BrentCheck.Exact(result.Scheme!).IsValid.Should().BeTrue();
            recovered++;
            if (result.CanonicalStrassen) canonical++;
            worstMargin = Math.Max(worstMargin, result.RoundingMargin!.Value);
        }
        output.WriteLine($"{scheme}, noise {noise}, condition <= {maxCondition}: {recovered}/{trials} recovered " +
                         $"({canonical} as Strassen's own coefficients), worst rounding margin {worstMargin:0.####}");
        ((double)recovered / trials).Should().BeGreaterThanOrEqualTo(minimumRate);
    }
}
