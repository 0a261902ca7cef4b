using System.Diagnostics;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;
using Xunit.Abstractions;

namespace StrassenRepro.Tests.Properties;

/// <summary>
/// The crystallization rates quoted in docs/discover.md ("Crystallization beyond lattice recovery"): known exact
/// schemes moved to random points of their orbits (RandomOrbit: a change of basis with condition numbers up
/// to a bound, slot scalings 0.2..5 of either sign, shuffled slots) plus uniform noise on every coefficient,
/// crystallized without lattice recovery, on consecutive seeds. Slow, so run on demand (Release: the timings
/// in docs/discover.md are Release timings):
/// dotnet test tests/Properties -c Release --filter "FullyQualifiedName~CrystallizeSurvey"
///   --logger "console;verbosity=detailed"
/// (SURVEY_TRIALS=n overrides the trial counts for a quick look.)
/// </summary>
[Trait("Category", "Reproduction")]
public class CrystallizeSurvey(ITestOutputHelper output)
{
    private static readonly CrystallizeOptions Options = new() { UseLatticeRecovery = false };

    private static Scheme Naive(int n, int m, int p) => KnownSchemes.Naive(new Shape(n, m, p));

    public static Scheme Named(string name) => name switch
    {
        "Strassen" => KnownSchemes.Strassen(),
        "Winograd" => KnownSchemes.Winograd(),
        "naive222" => Naive(2, 2, 2),
        "naive223" => Naive(2, 2, 3),
        "naive333" => Naive(3, 3, 3),
        "Strassen(x)naive112" => SchemeSymmetry.Kronecker(KnownSchemes.Strassen(), Naive(1, 1, 2)),
        "Strassen+naive221" => SchemeAlgebra.JoinColumns(KnownSchemes.Strassen(), Naive(2, 2, 1)),
        "Laderman" => KnownSchemes.Laderman(),
        // Each part in its own random basis first: a point of the family of the joined scheme that no
        // single change of basis reaches, as a trained run may find it.
        "Strassen+naive221/sep" => SchemeAlgebra.JoinColumns(RandomOrbit.Move(KnownSchemes.Strassen(), 1001, 10),
            RandomOrbit.Move(Naive(2, 2, 1), 1002, 10)),
        "Strassen+Strassen/sep" => SchemeAlgebra.JoinColumns(RandomOrbit.Move(KnownSchemes.Strassen(), 1003, 10),
            RandomOrbit.Move(KnownSchemes.Strassen(), 1004, 10)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("Strassen", 1e-6, 10, 100)]
    [InlineData("Strassen", 1e-4, 10, 100)]
    [InlineData("Winograd", 1e-6, 10, 100)]
    [InlineData("Winograd", 1e-4, 10, 100)]
    [InlineData("naive222", 1e-6, 10, 100)]
    [InlineData("naive222", 1e-4, 10, 100)]
    [InlineData("naive223", 1e-6, 10, 50)]
    [InlineData("naive223", 1e-4, 10, 50)]
    [InlineData("Strassen+naive221", 1e-6, 10, 50)]
    [InlineData("Strassen+naive221", 1e-4, 10, 50)]
    [InlineData("Strassen(x)naive112", 1e-6, 10, 50)]
    [InlineData("Strassen(x)naive112", 1e-4, 10, 50)]
    [InlineData("Laderman", 1e-6, 10, 20)]
    [InlineData("Laderman", 1e-4, 10, 20)]
    [InlineData("naive333", 1e-6, 10, 20)]
    [InlineData("naive333", 1e-4, 10, 20)]
    // Beyond the brief: more noise, worse bases, and family points.
    [InlineData("Strassen", 1e-3, 10, 100)]
    [InlineData("Strassen+naive221", 1e-3, 10, 50)]
    [InlineData("Laderman", 1e-3, 10, 20)]
    [InlineData("Strassen", 1e-4, 100, 100)]
    [InlineData("Laderman", 1e-4, 100, 20)]
    [InlineData("Strassen+naive221/sep", 1e-6, 10, 20)]
    [InlineData("Strassen+Strassen/sep", 1e-6, 10, 20)]
    public void Crystallization_rate_on_random_orbit_points(string name, double noise, double maxCondition, int trials)
    {
        if (Environment.GetEnvironmentVariable("SURVEY_TRIALS") is { } t) trials = int.Parse(t);
        var exact = Named(name);
        int recovered = 0, integral = 0;
        var times = new List<double>();
        var reasons = new Dictionary<string, int>();
        for (ulong seed = 1; seed <= (ulong)trials; seed++)
        {
            var input = RandomOrbit.Move(exact, seed, maxCondition, noise);
            var clock = Stopwatch.StartNew();
            var result = SchemeCrystallizer.TryCrystallize(input, Options);
            times.Add(clock.Elapsed.TotalSeconds);
            if (!result.Succeeded)
            {
                // The reason up to its first number, so that equal causes are counted together.
                var key = new string(result.Reason!.TakeWhile(c => !char.IsDigit(c)).ToArray());
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
                continue;
            }
            BrentCheck.Exact(result.Exact!).IsValid.Should().BeTrue();
            result.Exact!.Shape.Should().Be(exact.Shape);
            result.Exact.Rank.Should().Be(exact.Rank);
            recovered++;
            if (result.Scheme is not null) integral++;
        }
        times.Sort();
        var s = exact.Shape;
        output.WriteLine($"| {name} | <{s.N},{s.M},{s.P};{exact.Rank}> | {noise:0e+0} | {maxCondition} | " +
                         $"{recovered}/{trials} ({integral} integral) | {times[times.Count / 2]:0.000} s | " +
                         $"{times[^1]:0.000} s |");
        foreach (var (k, v) in reasons) output.WriteLine($"    {v} x {k}");
    }
}
