using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

/// <summary>`equivalent` and `classify`: verdicts, exit codes, the JSON contract.</summary>
[Trait("Category", "Fast")]
public class OrbitCommandTests
{
    private static string Write(RationalScheme s) => CliRunner.TempFile(".json", SchemeJson.Write(s));

    private static string Strassen => Write(RationalScheme.FromDyadic(KnownSchemes.Strassen())!);

    private static string Moved(int seed) => Write(ExactOrbit.Move(ExactOrbit.Of(KnownSchemes.Strassen()), seed, rational: true).ToRational());

    [Fact]
    public void A_moved_Strassen_is_EQUIVALENT_with_exit_code_0_and_the_map_in_the_json()
    {
        var result = CliRunner.Run("equivalent", Strassen, Moved(3), "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be("EQUIVALENT");
        doc.RootElement.GetProperty("exitCode").GetInt32().Should().Be(0);
        doc.RootElement.GetProperty("map").GetProperty("slots").GetArrayLength().Should().Be(7);
    }

    [Fact]
    public void Text_ends_with_the_verdict()
    {
        var result = CliRunner.Run("equivalent", Strassen, KnownWinograd());
        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("EQUIVALENT");
        result.StdOut.Should().Contain("  P             [[");
    }

    private static string KnownWinograd() => Write(RationalScheme.FromDyadic(KnownSchemes.Winograd())!);

    [Fact]
    public void Different_invariants_are_NOT_EQUIVALENT_with_exit_code_1_naming_them()
    {
        var naive = Write(RationalScheme.FromDyadic(KnownSchemes.Naive(Shape.Square2))!);
        var result = CliRunner.Run("equivalent", Strassen, naive);
        result.ExitCode.Should().Be(1);
        result.StdOut.Should().Contain("rank differs: 7 slots against 8");
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("NOT EQUIVALENT");
    }

    [Fact]
    public void The_search_bound_gives_UNDECIDED_with_exit_code_3()
    {
        var laderman = ExactOrbit.Of(KnownSchemes.Laderman());
        var result = CliRunner.Run("equivalent", Write(laderman.ToRational()), Write(ExactOrbit.Move(laderman, 4).ToRational()),
            "--max-nodes", "1", "--json");
        result.ExitCode.Should().Be(3);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be("UNDECIDED");
    }

    [Fact]
    public void Shapes_that_differ_are_bad_input()
    {
        var other = Write(RationalScheme.FromDyadic(KnownSchemes.Naive(new Shape(2, 2, 3)))!);
        var result = CliRunner.Run("equivalent", Strassen, other);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().StartWith("strassen-repro: the shapes differ (<2,2,2> and <2,2,3>)");
        CliRunner.Run("equivalent", Strassen, Strassen, "--max-nodes", "0").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Classify_puts_the_orbit_in_one_decided_class_and_the_naive_scheme_in_another()
    {
        var folder = TempFolder.Create("classify");
        File.Copy(Strassen, Path.Combine(folder, "a.json"));
        File.Copy(Moved(5), Path.Combine(folder, "b.json"));
        File.Copy(KnownWinograd(), Path.Combine(folder, "c.json"));
        File.WriteAllText(Path.Combine(folder, "d.json"), SchemeJson.Write(KnownSchemes.Naive(Shape.Square2)));
        var result = CliRunner.Run("classify", folder, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("schemes").GetInt32().Should().Be(4);
        var classes = doc.RootElement.GetProperty("classes");
        classes.GetArrayLength().Should().Be(2);
        classes[0].GetProperty("files").GetArrayLength().Should().Be(3);
        classes[0].GetProperty("decided").GetBoolean().Should().BeTrue();
        classes[0].GetProperty("invariant").GetProperty("rankTriplesText").GetString().Should().Be("(1,1,1)x6 (2,2,2)x1");
    }

    [Fact]
    public void Classify_lists_an_unreadable_file_and_exits_2()
    {
        var folder = TempFolder.Create("classify");
        File.Copy(Strassen, Path.Combine(folder, "a.json"));
        File.WriteAllText(Path.Combine(folder, "bad.json"), "{");
        var result = CliRunner.Run("classify", folder);
        result.ExitCode.Should().Be(2);
        result.StdOut.Should().Contain("1 schemes, 1 orbit classes (0 undecided)");
        result.StdErr.Should().Contain("bad.json");
    }

    [Fact]
    public void Verify_prints_the_rank_triples_of_a_valid_scheme()
    {
        var result = CliRunner.Run("verify", Strassen, "--sizes", "2");
        result.StdOut.Should().Contain("  rank triples    (1,1,1)x6 (2,2,2)x1");
        result.StdOut.Should().Contain("  pair ranks      ");
    }
}
