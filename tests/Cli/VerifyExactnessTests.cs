using System.Text.Json;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// Issue 22, tried as a new user would: integers past 2^53, a valid scheme with a poor float transfer, a file with
/// duplicate keys; the last line, the JSON and the exit code agree.
/// </summary>
[Trait("Category", "Fast")]
public class VerifyExactnessTests
{
    private const string CancelsToZero = "{\"shape\": [1, 1, 1], \"U\": [[9007199254740992], [-9007199254740993], " +
                                         "[1]], \"V\": [[1], [1], [1]], \"W\": [[1, 1, 1]]}";

    private static string Last(string stdout) => stdout.TrimEnd().Split('\n')[^1];

    [Fact]
    public void Integers_past_2_to_the_53_that_cancel_to_zero_are_NOT_VALID_in_text_json_and_exit_code()
    {
        var file = CliRunner.TempFile(".json", CancelsToZero);
        var text = CliRunner.Run("verify", file);
        text.ExitCode.Should().Be(1, text.StdErr);
        text.StdOut.Should().Contain("Brent (Z )      INVALID: 1 of 1 equations fail");
        Last(text.StdOut).Should().Be("NOT VALID");
        var json = CliRunner.Run("verify", file, "--json");
        json.ExitCode.Should().Be(1);
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be("NOT VALID");
        doc.RootElement.GetProperty("exactTransfer")[0].GetProperty("holds").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void A_valid_scheme_with_a_poor_float_transfer_is_VALID_with_a_note_beside_it()
    {
        // Strassen plus three slots that cancel exactly in c11 with K = 300: exact, but loses 300^4 ulps at size 4.
        const string extraU = "[300,1,0,0],[300,0,0,0],[0,1,0,0]";
        const string extraV = "[300,0,0,0],[300,0,0,0],[300,0,0,0]";
        string json = "{\"shape\":[2,2,2]," +
                      "\"U\":[[1,0,0,1],[0,0,1,1],[1,0,0,0],[0,0,0,1],[1,1,0,0],[-1,0,1,0],[0,1,0,-1]," + extraU + "]," +
                      "\"V\":[[1,0,0,1],[1,0,0,0],[0,1,0,-1],[-1,0,1,0],[0,0,0,1],[1,1,0,0],[0,0,1,1]," + extraV + "]," +
                      "\"W\":[[1,0,0,1,-1,0,1,1,-1,-1],[0,0,1,0,1,0,0,0,0,0],[0,1,0,1,0,0,0,0,0,0],[1,-1,1,0,0,1,0,0,0,0]]}";
        var file = CliRunner.TempFile(".json", json);
        var text = CliRunner.Run("verify", file, "--rank", "10", "--sizes", "2,4");
        text.ExitCode.Should().Be(0, text.StdOut + text.StdErr);
        text.StdOut.Should().Contain("note            numerically unstable");
        Last(text.StdOut).Should().Be("VALID");
        var j = CliRunner.Run("verify", file, "--rank", "10", "--sizes", "2,4", "--json");
        using var doc = JsonDocument.Parse(j.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be("VALID");
        doc.RootElement.GetProperty("transfer")[1].GetProperty("pass").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("notes")[0].GetString().Should().StartWith("numerically unstable");
    }

    [Fact]
    public void Duplicate_keys_are_one_line_and_exit_code_2_and_with_json_one_object_on_stdout()
    {
        var file = CliRunner.TempFile(".json", "{\"shape\":[1,1,1],\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1]]}");
        var text = CliRunner.Run("verify", file);
        text.ExitCode.Should().Be(2);
        text.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("Duplicate property 'shape'");
        var json = CliRunner.Run("verify", file, "--json");
        json.ExitCode.Should().Be(2);
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("exitCode").GetInt32().Should().Be(2);
    }

    [Fact]
    public void A_continuous_2x2_run_says_why_and_suggests_recovery()
    {
        // Strassen with slot 0 scaled by 0.4 and 2.5: exact, but Q of 0.4 is 0.
        string json = "{\"shape\":[2,2,2]," +
                      "\"U\":[[0.4,0,0,0.4],[0,0,1,1],[1,0,0,0],[0,0,0,1],[1,1,0,0],[-1,0,1,0],[0,1,0,-1]]," +
                      "\"V\":[[1,0,0,1],[1,0,0,0],[0,1,0,-1],[-1,0,1,0],[0,0,0,1],[1,1,0,0],[0,0,1,1]]," +
                      "\"W\":[[2.5,0,0,1,-1,0,1],[0,0,1,0,1,0,0],[0,1,0,1,0,0,0],[2.5,-1,1,0,0,1,0]]}";
        var result = CliRunner.Run("verify", CliRunner.TempFile(".json", json), "--sizes", "2");
        result.ExitCode.Should().Be(1);
        result.StdOut.Should().Contain("note            continuous: Q of the kept slots fails")
            .And.Contain("try             --recover");
        Last(result.StdOut).Should().Be("NOT VALID");
    }
}
