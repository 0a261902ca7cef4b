using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class VerifyCommandTests
{
    [Fact]
    public void Verify_accepts_Strassen_with_exit_code_0_and_reports_it_as_canonical()
    {
        var path = CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Strassen()));
        var result = CliRunner.RunProcess("verify", path, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        root.GetProperty("sTheta").GetInt32().Should().Be(1);
        root.GetProperty("outcome").GetString().Should().Be("discrete");
        root.GetProperty("canonicalStrassen").GetBoolean().Should().BeTrue();
        root.GetProperty("transfer").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public void Verify_rejects_a_near_miss_with_exit_code_1()
    {
        var u = KnownSchemes.Strassen().URows();
        u[0][1] = 1;
        var s = KnownSchemes.Strassen();
        var nearMiss = Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows());
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", SchemeJson.Write(nearMiss)));
        result.ExitCode.Should().Be(1);
        result.StdOut.Should().Contain("NOT VALID");
    }

    [Theory]
    [InlineData(".json", "{ \"shape\": [2,2,2], \"U\": [[1,0")]
    [InlineData(".json", "not json at all")]
    [InlineData(".npy", "\u0093NUMPY garbage")]
    [InlineData(".npz", "PK\u0003\u0004 truncated zip")]
    [InlineData(".pt", "PK")]
    [InlineData(".txt", "1 2 3")]
    public void Verify_answers_a_garbage_file_with_one_line_and_exit_code_2(string extension, string content)
    {
        var result = CliRunner.RunProcess("verify", CliRunner.TempFile(extension, content));
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
        result.StdErr.Should().NotContain("   at ");
        result.StdOut.Should().BeEmpty();
    }

    [Theory]
    [InlineData(".npy", "\u0093NUMPY garbage")]
    [InlineData(".json", "not json at all")]
    public void One_bad_file_with_json_prints_its_error_row_on_stdout_as_a_directory_does(string extension,
        string content)
    {
        var path = CliRunner.TempFile(extension, content);
        var result = CliRunner.RunProcess("verify", path, "--json");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
        using var doc = JsonDocument.Parse(result.StdOut);
        var row = doc.RootElement;
        row.ValueKind.Should().Be(JsonValueKind.Object);
        row.GetProperty("path").GetString().Should().Be(path);
        string stderrLine = result.StdErr.Trim()["strassen-repro: ".Length..];
        row.GetProperty("error").GetString().Should().NotBeNullOrEmpty().And.Be(stderrLine);
        row.GetProperty("exitCode").GetInt32().Should().Be(2);
    }

    [Fact]
    public void A_missing_file_with_json_is_an_error_row_too()
    {
        var result = CliRunner.Run("verify", "/nonexistent/strassen.json", "--json");
        result.ExitCode.Should().Be(2);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("error").GetString().Should().Contain("no such file");
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var result = CliRunner.RunProcess("verify", "x.json", "--no-such-option");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
    }
}

[Trait("Category", "Fast")]
public class VerifyCommandFormatTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", name);

    [Fact]
    public void Verify_accepts_Winograds_variant_but_not_as_Strassens_own_coefficients()
    {
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Winograd())), "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("canonicalStrassen").GetBoolean().Should().BeFalse();
    }

    [Theory]
    [InlineData("2,2,2")]
    [InlineData("3,3,3")]
    [InlineData("4,4,4")]
    public void Verify_accepts_each_square_AlphaTensor_entry_by_key(string key)
    {
        var result = CliRunner.Run("verify", Fixture("factorizations_r.npz"), "--key", key, "--json");
        result.ExitCode.Should().Be(0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        doc.RootElement.GetProperty("format").GetString().Should().Be("npz");
        doc.RootElement.GetProperty("brentValid").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void A_mod_2_scheme_passes_with_ring_F2_and_fails_over_Z()
    {
        CliRunner.Run("verify", Fixture("factorizations_f2.npz"), "--ring", "F2").ExitCode.Should().Be(0);
        CliRunner.Run("verify", Fixture("factorizations_f2.npz")).ExitCode.Should().Be(1);
    }

    [Fact]
    public void A_file_marked_z2_is_checked_mod_2_unless_ring_is_given()
    {
        // 3ab is ab mod 2 and not over Z.
        var path = Path.Combine(TempFolder.Create("verify-z2"), "three.json");
        File.WriteAllText(path, """{"n": [1, 1, 1], "m": 1, "z2": true, "u": [["3"]], "v": [["1"]], "w": [["1"]]}""");
        var asDeclared = CliRunner.Run("verify", path);
        asDeclared.ExitCode.Should().Be(0, asDeclared.StdOut + asDeclared.StdErr);
        asDeclared.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID mod 2");
        var overZ = CliRunner.Run("verify", path, "--ring", "Z");
        overZ.ExitCode.Should().Be(1, overZ.StdOut + overZ.StdErr);
        overZ.StdOut.TrimEnd().Split('\n')[^1].Should().StartWith("NOT VALID");
    }

    [Fact]
    public void Over_F2_the_transfer_is_skipped_and_the_last_line_the_json_and_the_exit_code_agree()
    {
        var text = CliRunner.Run("verify", Fixture("factorizations_f2.npz"), "--ring", "F2");
        text.ExitCode.Should().Be(0, text.StdErr);
        text.StdOut.Should().Contain("transfer        skipped: over F2").And.NotContain(" NO");
        text.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID mod 2");
        var json = CliRunner.Run("verify", Fixture("factorizations_f2.npz"), "--ring", "F2", "--json");
        using var doc = JsonDocument.Parse(json.StdOut);
        var root = doc.RootElement;
        root.GetProperty("transfer").GetArrayLength().Should().Be(0);
        root.GetProperty("transferSkipped").GetString().Should().Contain("F2");
        root.GetProperty("brentValid").GetBoolean().Should().BeTrue();
        root.GetProperty("brentMaxResidual").GetDouble().Should().Be(0);
        root.GetProperty("valid").GetBoolean().Should().BeTrue();
        root.GetProperty("verdict").GetString().Should().Be("VALID mod 2");
    }

    [Fact]
    public void The_json_record_has_every_field_of_the_contract()
    {
        var result = CliRunner.Run("verify", Fixture("strassen_int64.npy"), "--json", "--sizes", "2,8");
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        foreach (var field in new[] { "path", "format", "shape", "slots", "keptSlots", "delta", "brentValid", "brentMaxResidual", "sTheta", "outcome", "canonicalStrassen", "ring", "transfer" })
            root.TryGetProperty(field, out _).Should().BeTrue(field);
        var row = root.GetProperty("transfer")[1];
        row.GetProperty("n").GetInt32().Should().Be(8);
        foreach (var field in new[] { "maxAbsErrorF32", "maxRelErrorF32", "maxRelErrorF64", "pass" })
            row.TryGetProperty(field, out _).Should().BeTrue(field);
    }

    [Theory]
    [InlineData("--sizes", "6")]
    [InlineData("--sizes", "two")]
    [InlineData("--rank", "9")]
    [InlineData("--ring", "Q")]
    [InlineData("--key", "9,9,9")]
    public void An_option_value_that_does_not_fit_is_bad_input(string option, string value)
    {
        var file = option == "--key" ? Fixture("factorizations_r.npz") : Fixture("strassen_int64.npy");
        var result = CliRunner.Run("verify", file, option, value);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var result = CliRunner.Run("verify", "/nonexistent/strassen.json");
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain("no such file");
    }

    [Fact]
    public void Help_describes_the_verify_command()
    {
        var result = CliRunner.Run("verify", "--help");
        result.ExitCode.Should().Be(0);
        result.StdOut.Should().Contain("--ring").And.Contain("--key").And.Contain("--json");
    }
}
