namespace StrassenRepro.Tests.Cli;

/// <summary>The example files the README and docs/verify.md show end with the last line it shows.</summary>
[Trait("Category", "Fast")]
public class ExampleFileTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", name);

    [Theory]
    [InlineData("strassen.json", 0, "VALID")]
    [InlineData("strassen-thirds.json", 0, "VALID")]
    [InlineData("strassen-near-miss.json", 1, "NOT VALID")]
    [InlineData("strassen-other-basis.json", 1, "NOT VALID")]
    [InlineData("upstream-validation-constant.json", 1, "NOT VALID")]
    public void Each_example_verifies_as_the_README_says(string file, int exit, string last)
    {
        var result = CliRunner.Run("verify", Example(file), "--sizes", "2,4");
        result.ExitCode.Should().Be(exit, result.StdErr);
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be(last);
    }

    [Fact]
    public void The_example_in_another_basis_is_VALID_after_recovery()
    {
        var result = CliRunner.Run("verify", Example("strassen-other-basis.json"), "--sizes", "2", "--recover");
        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("outcome         continuous").And.Contain("recovery        succeeded");
        result.StdOut.TrimEnd().Split('\n')[^1].Should().Be("VALID after recovery");
    }

    [Fact]
    public void The_upstream_validation_constant_fails_4_of_the_64_Brent_equations()
    {
        // experiments/validation_experiments.py:18-44 upstream: M1 = A11, the "Strassen" its noise table measures.
        var result = CliRunner.Run("verify", Example("upstream-validation-constant.json"), "--sizes", "2", "--json");
        result.ExitCode.Should().Be(1, result.StdErr);
        using var json = System.Text.Json.JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("brentFailedEquations").GetInt32().Should().Be(4);
        json.RootElement.GetProperty("brentEquations").GetInt32().Should().Be(64);
        json.RootElement.GetProperty("outcome").GetString().Should().Be("invalid");
        CliRunner.Run("verify", Example("upstream-validation-constant.json"), "--sizes", "2").StdOut
            .Should().Contain("INVALID: 4 of 64 equations fail");
    }
}
