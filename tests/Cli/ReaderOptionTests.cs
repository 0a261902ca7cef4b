using System.Text.Json;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// --layout (read only from .pt / .pth checkpoints) and --key (.npz archives and checkpoints) given where they mean
/// nothing are refused in one line, exit code 2, not ignored; of several files, they apply to those that take them.
/// </summary>
[Trait("Category", "Fast")]
public class ReaderOptionTests
{
    private static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    private static readonly string Strassen = Path.Combine(RepoPaths.Root, "examples", "strassen.json");

    private static void OneLine(CliRunner.Result result, string expected)
    {
        result.StdErr.Should().Be($"strassen-repro: {expected}\n");
        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
    }

    private const string LayoutOnly = "--layout applies only to .pt / .pth checkpoints";
    private const string KeyOnly = "--key applies only to .npz archives and .pt / .pth checkpoints";

    [Fact]
    public void Verify_refuses_a_layout_or_key_the_file_does_not_take()
    {
        OneLine(CliRunner.Run("verify", Strassen, "--layout", "rrc"), $"{LayoutOnly}, not to strassen.json");
        OneLine(CliRunner.Run("verify", Fixture("numpy", "factorizations_r.npz"), "--key", "2,2,2", "--layout", "rrc"),
            $"{LayoutOnly}, not to factorizations_r.npz");
        OneLine(CliRunner.Run("verify", Strassen, "--key", "U"), $"{KeyOnly}, not to strassen.json");
        OneLine(CliRunner.Run("verify", Fixture("numpy", "strassen_int64.npy"), "--key", "x", "--json"),
            $"{KeyOnly}, not to strassen_int64.npy");
    }

    [Fact]
    public void Export_refuses_them_too()
    {
        var onnx = Path.Combine(TempFolder.Create("cli-export"), "s.onnx");

        OneLine(CliRunner.Run("export", Strassen, "--onnx", onnx, "--layout", "ffl-rrr"),
            $"{LayoutOnly}, not to strassen.json");
        OneLine(CliRunner.Run("export", Strassen, "--onnx", onnx, "--key", "U"), $"{KeyOnly}, not to strassen.json");
        File.Exists(onnx).Should().BeFalse();
    }

    [Fact]
    public void A_folder_refuses_them_only_when_no_file_takes_them()
    {
        var dir = TempFolder.Create("cli-options");
        File.Copy(Strassen, Path.Combine(dir, "a.json"));
        File.Copy(Fixture("numpy", "strassen_int64.npy"), Path.Combine(dir, "b.npy"));

        OneLine(CliRunner.Run("verify", dir, "--key", "x"), $"{KeyOnly}, and none of the 2 files is one");
        OneLine(CliRunner.Run("verify", dir, "--layout", "rrc"), $"{LayoutOnly}, and none of the 2 files is one");

        File.Copy(Fixture("checkpoints", "strassen_top_level_f32.pt"), Path.Combine(dir, "c.pt"));
        var mixed = CliRunner.Run("verify", dir, "--layout", "ffl-rrr", "--json", "--sizes", "2");
        using var doc = JsonDocument.Parse(mixed.StdOut);
        doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("verdict").GetString())
            .Should().Equal("VALID", "VALID", "VALID");
        doc.RootElement.GetProperty("rows")[2].GetProperty("layout").GetString().Should().Be("ffl-rrr");
        mixed.ExitCode.Should().Be(0, mixed.StdErr);
    }

    [Fact]
    public void Help_says_where_they_apply()
    {
        var help = CliRunner.Run("verify", "--help").StdOut.ReplaceLineEndings(" ");
        help.Should().Contain("Refused unless a file given is an .npz or a checkpoint")
            .And.Contain("Refused unless a file given is a .pt / .pth");
    }
}
