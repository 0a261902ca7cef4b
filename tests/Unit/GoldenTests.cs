using Snapshooter;
using Snapshooter.Xunit;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

/// <summary>Golden snapshots under golden/: exact coefficients, canonical forms and the deterministic transfer table.</summary>
[Trait("Category", "Fast")]
public class GoldenTests
{
    /// <summary>The snapshot must already exist (Snapshooter would silently create a missing one and pass);
    /// set STRASSEN_UPDATE_GOLDEN=1 to write a new one on purpose.</summary>
    private static SnapshotFullName Golden(string name)
    {
        var folder = Path.Combine(RepoPaths.Golden, "__snapshots__");
        if (Environment.GetEnvironmentVariable("STRASSEN_UPDATE_GOLDEN") != "1")
            File.Exists(Path.Combine(folder, $"{name}.snap")).Should().BeTrue($"golden/__snapshots__/{name}.snap is committed");
        return new($"{name}.snap", RepoPaths.Golden);
    }

    private static object Coefficients(Scheme s) => new
    {
        shape = new[] { s.Shape.N, s.Shape.M, s.Shape.P },
        rank = s.Rank,
        U = s.URows(),
        V = s.VRows(),
        W = s.WRows(),
    };

    [Fact]
    public void Strassens_coefficients_match_the_golden_snapshot() =>
        Snapshot.Match(Coefficients(KnownSchemes.Strassen()), Golden("strassen"));

    [Fact]
    public void Strassens_canonical_form_matches_the_golden_snapshot() =>
        Snapshot.Match(Coefficients(CanonicalForm.Of(KnownSchemes.Strassen()).ToScheme()), Golden("strassen-canonical"));

    [Fact]
    public void Winograds_variant_matches_the_golden_snapshot() =>
        Snapshot.Match(new
        {
            scheme = Coefficients(KnownSchemes.Winograd()),
            canonical = Coefficients(CanonicalForm.Of(KnownSchemes.Winograd()).ToScheme()),
            isStrassen = CanonicalForm.IsStrassen(KnownSchemes.Winograd()),
        }, Golden("winograd"));

    [Fact]
    public void The_naive_rank_8_scheme_matches_the_golden_snapshot() =>
        Snapshot.Match(Coefficients(KnownSchemes.Naive(Shape.Square2)), Golden("naive-2x2x2"));

    [Fact]
    public void Strassens_transfer_table_matches_the_golden_snapshot() =>
        Snapshot.Match(TransferTest.Run(KnownSchemes.Strassen(), TransferTest.DefaultLevels(Shape.Square2)), Golden("strassen-transfer"));
}
