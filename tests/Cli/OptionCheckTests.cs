namespace StrassenRepro.Tests.Cli;

/// <summary>Option values that cannot mean anything: refused in one line with exit code 2, before any work.</summary>
[Trait("Category", "Fast")]
public class OptionCheckTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", name);

    [Theory]
    [InlineData("--sizes", "2,4,4096", "*4096*1..1024*")]
    [InlineData("--sizes", "2048", "*2048*1..1024*")]
    [InlineData("--sizes", "2,4,2", "*2 is given twice*")]
    [InlineData("--sizes", "", "*--sizes is empty*")]
    [InlineData("--sizes", ",", "*--sizes is empty*")]
    [InlineData("--tolerance", "-1e-3", "*--tolerance*finite*>= 0*")]
    [InlineData("--tolerance", "NaN", "*--tolerance*finite*")]
    [InlineData("--tolerance", "Infinity", "*--tolerance*finite*")]
    [InlineData("--rank", "0", "*--rank must be at least 1*")]
    [InlineData("--rank", "-3", "*--rank must be at least 1*")]
    public void Verify_refuses_an_option_value_with_one_line_and_exit_code_2(string option, string value,
        string message)
    {
        var result = CliRunner.Run("verify", Fixture("strassen_int64.npy"), option, value, "--json");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Match(message);
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void An_option_error_is_reported_before_any_file_is_read()
    {
        var result = CliRunner.Run("verify", "/nonexistent/strassen.json", "--tolerance", "-1");
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain("--tolerance").And.NotContain("no such file");
    }

    [Fact]
    public void A_tolerance_of_zero_and_sizes_up_to_the_cap_are_accepted()
    {
        var result = CliRunner.Run("verify", Fixture("strassen_int64.npy"), "--tolerance", "0", "--sizes", "4,2");
        result.ExitCode.Should().Be(0, result.StdErr);
    }

    [Fact]
    public void Verify_help_states_the_transfer_cap()
    {
        CliRunner.Run("verify", "--help").StdOut.Should().Contain("at most 1024");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void Reproduce_refuses_an_empty_claims_list(string claims)
    {
        var never = Path.Combine(Path.GetTempPath(), "never-written");
        var result = CliRunner.Run("reproduce", "--preset", "smoke", "--claims", claims, "--out", never);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--claims is empty");
    }

    [Fact]
    public void Report_refuses_an_empty_claims_list()
    {
        var db = CliRunner.TempFile(".db", "");
        var result = CliRunner.Run("report", "--db", db, "--claims", "");
        result.ExitCode.Should().Be(2);
        result.StdErr.Should().Contain("--claims is empty");
    }
}
