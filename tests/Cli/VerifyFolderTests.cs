using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Cli;

/// <summary>`verify DIR`: the rows, the closing table by shape and ring, the --json document with its summary,
/// the exit code of the worst row, --recursive and --threads, and the last line, the JSON and the exit code agreeing.</summary>
[Trait("Category", "Fast")]
public class VerifyFolderTests
{
    private static readonly string Strassen = SchemeJson.Write(KnownSchemes.Strassen());

    private static string NearMiss()
    {
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1;
        return SchemeJson.Write(Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows()));
    }

    /// <summary>top/a.json valid, top/sub/b.json not valid, top/sub/deeper/c.json unreadable.</summary>
    private static string Nested(bool withBad = true, bool withInvalid = true)
    {
        var dir = TempFolder.Create("cli-folder");
        Directory.CreateDirectory(Path.Combine(dir, "sub", "deeper"));
        File.WriteAllText(Path.Combine(dir, "a.json"), Strassen);
        File.WriteAllText(Path.Combine(dir, "sub", "b.json"), withInvalid ? NearMiss() : Strassen);
        File.WriteAllText(Path.Combine(dir, "sub", "deeper", "c.json"), withBad ? "not json" : Strassen);
        return dir;
    }

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    [Fact]
    public void The_text_ends_with_the_table_by_shape_and_ring_and_a_verdict_the_exit_code_agrees_with()
    {
        var dir = Nested();
        var result = CliRunner.Run("verify", dir, "--recursive", "--sizes", "2", "--threads", "2");

        result.ExitCode.Should().Be(2, result.StdErr);
        var parts = result.StdOut.Split("\n\n");
        parts[0].Split('\n').Skip(1).Select(l => Path.GetRelativePath(dir, l.Split('\t')[0]))
            .Should().Equal("a.json", "sub/b.json", "sub/deeper/c.json");
        parts[1].TrimEnd('\n').Split('\n').Should().Equal(
            "shape        ring    valid  not valid  unreadable",
            "<2,2,2>      Z           1          1           0",
            "?            ?           0          0           1",
            "total                    1          1           1",
            "UNREADABLE: 1 of 3 files (1 not valid)");
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("c.json");
    }

    [Fact]
    public void Json_is_one_document_of_rows_and_a_summary_whose_verdict_matches_the_text()
    {
        var dir = Nested();
        var json = CliRunner.Run("verify", dir, "--recursive", "--sizes", "2", "--json");
        var text = CliRunner.Run("verify", dir, "--recursive", "--sizes", "2");

        using var doc = JsonDocument.Parse(json.StdOut);
        var root = doc.RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.TryGetProperty("verdict", out var v) ? v.GetString() : r.GetProperty("error").GetString()![..6])
            .Should().Equal("VALID", "NOT VALID", "c.json");
        rows[2].GetProperty("exitCode").GetInt32().Should().Be(2);
        var summary = root.GetProperty("summary");
        (summary.GetProperty("files").GetInt32(), summary.GetProperty("valid").GetInt32(),
            summary.GetProperty("notValid").GetInt32(), summary.GetProperty("unreadable").GetInt32()).Should().Be((3, 1, 1, 1));
        var lines = summary.GetProperty("byShapeAndRing").EnumerateArray().ToList();
        lines.Select(l => $"{l.GetProperty("shape").GetString()} {l.GetProperty("ring").GetString()}").Should().Equal("<2,2,2> Z", "? ?");
        root.GetProperty("exitCode").GetInt32().Should().Be(json.ExitCode).And.Be(2);
        root.GetProperty("verdict").GetString().Should().Be(LastLine(text.StdOut));
        json.StdOut.Split('\n').Skip(1).Take(3).Should().OnlyContain(l => l.TrimStart(',').StartsWith('{'), "a row per line");
    }

    [Theory]
    [InlineData(false, false, 0, "VALID: all 3 files")]
    [InlineData(false, true, 1, "NOT VALID: 1 of 3 files")]
    [InlineData(true, true, 2, "UNREADABLE: 1 of 3 files (1 not valid)")]
    public void The_exit_code_is_the_worst_rows_and_the_last_line_says_it(bool bad, bool invalid, int exit, string verdict)
    {
        var dir = Nested(bad, invalid);
        var text = CliRunner.Run("verify", dir, "--recursive", "--sizes", "2");
        var json = CliRunner.Run("verify", dir, "--recursive", "--sizes", "2", "--json");

        (text.ExitCode, json.ExitCode).Should().Be((exit, exit));
        LastLine(text.StdOut).Should().Be(verdict);
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be(verdict);
    }

    [Fact]
    public void Without_recursive_only_the_top_level_is_verified()
    {
        var result = CliRunner.Run("verify", Nested(), "--sizes", "2");
        result.ExitCode.Should().Be(0, result.StdErr);
        LastLine(result.StdOut).Should().Be("VALID: all 1 files");
    }

    [Theory]
    [InlineData("-1", "--threads -1 must be >= 0")]
    [InlineData("many", "many")]
    [InlineData("5000", "--threads 5000 is over 1024")]
    public void A_bad_thread_count_is_a_one_line_usage_error_before_any_file_is_read(string value, string says)
    {
        var result = CliRunner.RunProcess("verify", Nested(), "--threads", value);
        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("strassen-repro: ").And.Contain(says);
    }

    [Fact]
    public void Recursive_without_a_folder_is_a_usage_error()
    {
        var file = Path.Combine(Nested(), "a.json");
        var result = CliRunner.Run("verify", file, "--recursive");
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Should().Be("strassen-repro: --recursive applies to folders, and none is named");
    }
}
