using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Readers;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class VerifyCommandTests
{
    [Fact]
    public void Verify_accepts_Strassen_with_exit_code_0_and_reports_it_as_canonical()
    {
        var path = CliRunner.TempFile(".json", SchemeJson.Write(KnownSchemes.Strassen()));
        var result = CliRunner.Run("verify", path, "--json");
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
        var result = CliRunner.Run("verify", CliRunner.TempFile(extension, content));
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
        result.StdErr.Should().NotContain("   at ");
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var result = CliRunner.Run("verify", "x.json", "--no-such-option");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
    }
}
