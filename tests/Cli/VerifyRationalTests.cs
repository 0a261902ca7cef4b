using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

/// <summary>Schemes with exact fractions: checked over Q as given; their last line, JSON and exit code agree.</summary>
[Trait("Category", "Fast")]
public class VerifyRationalTests
{
    private static readonly double[,] Identity = { { 1, 0 }, { 0, 1 } };

    /// <summary>Strassen with the first row of A and C scaled by `factor`: W holds 1/factor.</summary>
    private static Scheme Scaled(double factor) =>
        SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), new[,] { { factor, 0 }, { 0, 1 } }, Identity, Identity);

    private static string OutPath() => Path.Combine(Path.GetTempPath(), $"strassen-repro-test-{Guid.NewGuid():N}.json");

    [Fact]
    public void Halves_stored_as_float64_are_VALID_with_exit_code_0_and_say_rational()
    {
        var file = CliRunner.TempFile(".json", SchemeJson.Write(Scaled(2)));
        var text = CliRunner.Run("verify", file, "--sizes", "2,4");
        text.ExitCode.Should().Be(0, text.StdErr);
        text.StdOut.Should().Contain("arithmetic      rational").And.Contain("Brent (Q )      valid");
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID");
        var json = CliRunner.Run("verify", file, "--sizes", "2,4", "--json");
        using var doc = JsonDocument.Parse(json.StdOut);
        var root = doc.RootElement;
        root.GetProperty("exactArithmetic").GetString().Should().Be("rational");
        root.GetProperty("brentValid").GetBoolean().Should().BeTrue();
        root.GetProperty("sTheta").GetInt32().Should().Be(0);
        root.GetProperty("outcome").GetString().Should().Be("continuous");
        root.GetProperty("transferOf").GetString().Should().Be("rational");
        root.GetProperty("verdict").GetString().Should().Be("VALID");
    }

    [Fact]
    public void An_eighth_off_is_NOT_VALID_with_exit_code_1()
    {
        var w = Scaled(2).WRows();
        w[0][0] += 0.125;
        var s = Scaled(2);
        var file = CliRunner.TempFile(".json", SchemeJson.Write(Scheme.FromRows(s.Shape, s.URows(), s.VRows(), w)));
        var result = CliRunner.Run("verify", file, "--sizes", "2");
        result.ExitCode.Should().Be(1);
        result.StdOut.Should().Contain("INVALID: ").And.Contain("outcome         invalid");
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("NOT VALID");
    }

    [Fact]
    public void Thirds_given_as_fraction_strings_verify_and_out_writes_them_back_as_fractions()
    {
        var s = Scaled(3);
        var exact = RationalScheme.FromDyadic(KnownSchemes.Strassen())!;
        // C's first row (W rows 0 and 1) divided by 3.
        var w = Enumerable.Range(0, 28)
            .Select(i => exact.W(i / 7, i % 7) is var f && i / 7 < 2 ? new Fraction(f.Numerator, 3) : f).ToArray();
        var u = Enumerable.Range(0, 28).Select(i => new Fraction((long)s.U(i / 4, i % 4), 1)).ToArray();
        var v = Enumerable.Range(0, 28).Select(i => exact.V(i / 4, i % 4)).ToArray();
        var file = CliRunner.TempFile(".json", SchemeJson.Write(new RationalScheme(s.Shape, 7, u, v, w)));
        File.ReadAllText(file).Should().Contain("\"1/3\"");
        var outPath = OutPath();
        var result = CliRunner.Run("verify", file, "--sizes", "2,8", "--out", outPath);
        result.ExitCode.Should().Be(0, result.StdErr);
        var written = JsonNode.Parse(File.ReadAllText(outPath))!;
        written["metadata"]!["obtainedBy"]!.GetValue<string>().Should().StartWith("as given (exact fractions");
        written["W"]![0]![0]!.GetValue<string>().Should().Be("1/3");
        CliRunner.Run("verify", outPath, "--sizes", "2").ExitCode.Should().Be(0);
    }

    [Fact]
    public void With_recover_out_prefers_the_recovered_integer_scheme()
    {
        var outPath = OutPath();
        var file = CliRunner.TempFile(".json", SchemeJson.Write(Scaled(2)));
        var result = CliRunner.Run("verify", file, "--sizes", "2", "--recover", "--out", outPath);
        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID");
        var (scheme, metadata) = SchemeJson.Read(File.ReadAllBytes(outPath), outPath);
        scheme.IsIntegral.Should().BeTrue();
        metadata!["obtainedBy"]!.GetValue<string>().Should().Be("lattice recovery");
    }

    [Fact]
    public void Integer_input_is_written_as_given_and_says_integer()
    {
        var outPath = OutPath();
        var file = CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Strassen()));
        var result = CliRunner.Run("verify", file, "--sizes", "2", "--out", outPath, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("exactArithmetic").GetString().Should().Be("integer");
        var written = JsonNode.Parse(File.ReadAllText(outPath))!;
        written["metadata"]!["obtainedBy"]!.GetValue<string>().Should().Be("as given (integers)");
    }

    [Fact]
    public void Real_input_says_rounded()
    {
        var file = CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Strassen().Map(x => x * 1.01)));
        var result = CliRunner.Run("verify", file, "--sizes", "2");
        result.StdOut.Should().Contain("arithmetic      rounded").And.Contain("Brent (Z )");
    }
}
