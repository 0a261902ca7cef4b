using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// A file the command is to write (verify --out, export --onnx, export-runs --jsonl) whose folder is missing or
/// takes no file is refused before any work, in one line naming the option and the problem, exit code 2.
/// </summary>
[Trait("Category", "Fast")]
public class OutputFileMessageTests
{
    private static readonly string Strassen = Path.Combine(RepoPaths.Root, "examples", "strassen.json");

    private static void OneLine(CliRunner.Result result, string expected)
    {
        result.StdErr.Should().Be($"strassen-repro: {expected}\n");
        result.ExitCode.Should().Be(2);
        result.StdOut.Should().BeEmpty();
    }

    private const string Proc = "cannot write in folder /proc: /proc is the kernel's process file system, " +
                                "not a place for files";

    [Fact]
    public void Verify_out_into_a_missing_folder_names_the_folder()
    {
        var missing = TempFolder.Path("cli-missing");

        OneLine(CliRunner.Run("verify", Strassen, "--out", Path.Combine(missing, "x.json")),
            $"--out: folder {missing} does not exist");
        OneLine(CliRunner.Run("verify", Strassen, "--json", "--out", Path.Combine(missing, "x.json")),
            $"--out: folder {missing} does not exist");
        Directory.Exists(missing).Should().BeFalse("a mistyped folder is not made");
    }

    [Fact]
    public void Export_onnx_under_proc_a_missing_folder_or_a_folder_is_named()
    {
        var missing = TempFolder.Path("cli-missing");
        var folder = TempFolder.Create("cli-onnx");

        OneLine(CliRunner.Run("export", Strassen, "--onnx", "/proc/x.onnx"), $"--onnx: {Proc}");
        OneLine(CliRunner.Run("export", Strassen, "--onnx", Path.Combine(missing, "x.onnx")),
            $"--onnx: folder {missing} does not exist");
        OneLine(CliRunner.Run("export", Strassen, "--onnx", folder), $"--onnx: {folder} is a folder, not a file");
        OneLine(CliRunner.Run("export", Strassen, "--onnx", Path.Combine(Strassen, "x.onnx")),
            $"--onnx: {Strassen} is a file, not a folder");
    }

    [Fact]
    public void Export_runs_jsonl_under_proc_is_named()
    {
        var db = Path.Combine(TempFolder.Create("cli-jsonl"), "runs.db");
        using (var store = RunStore.Open(db)) store.SetMeta(RunStore.StudyPresetKey, "smoke");

        OneLine(CliRunner.Run("export-runs", "--db", db, "--jsonl", "/proc/x.jsonl"), $"--jsonl: {Proc}");
        var written = Path.Combine(Path.GetDirectoryName(db)!, "runs.jsonl");
        CliRunner.Run("export-runs", "--db", db, "--jsonl", written).ExitCode.Should().Be(0);
        File.Exists(written).Should().BeTrue();
    }
}
