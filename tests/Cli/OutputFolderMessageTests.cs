using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Cli;

/// <summary>An output folder that cannot be used is named with its real problem: one line, exit code 2.</summary>
[Trait("Category", "Fast")]
public class OutputFolderMessageTests
{
    private static string TempDir() => TempFolder.Path("cli-out");

    private static string AFile() => CliRunner.TempFile(".txt", "in the way");

    private static void OneLine(CliRunner.Result result, string expected)
    {
        result.ExitCode.Should().Be(2, result.StdErr);
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Be($"strassen-repro: {expected}\n");
        result.StdErr.Should().NotContain("\t").And.NotContain("SQLite").And.NotContain("Exception");
    }

    public static IEnumerable<object[]> Folders()
    {
        var file = AFile();
        const string kernelSys = "/sys is the kernel's device file system, not a place for files";
        yield return ["/sys/kernel", $"cannot write in the output folder /sys/kernel: {kernelSys}"];
        yield return ["/proc/strassen-repro-out", "cannot write in the output folder /proc/strassen-repro-out: /proc "
            + "is the kernel's process file system, not a place for files"];
        yield return [file, $"{file} is a file, not a folder: choose another output folder"];
        yield return [Path.Combine(file, "sub"), $"{Path.Combine(file, "sub")} cannot be a folder: {file} is a file"];
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Reproduce_and_report_name_the_problem_with_their_output_folder(string folder, string message)
    {
        OneLine(CliRunner.Run("reproduce", "--preset", "smoke", "--claims", "C9", "--out", folder), message);

        var db = Path.Combine(TempDir(), "runs.db");
        using (var store = RunStore.Open(db)) store.SetMeta(RunStore.StudyPresetKey, "smoke");
        OneLine(CliRunner.Run("report", "--db", db, "--claims", "C9", "--out", folder), message);
        OneLine(CliRunner.Run("merge", "--into", Path.Combine(folder, "runs.db"), db), message);
    }

    [Fact]
    public void A_tab_in_the_input_reaches_the_message_as_a_space()
    {
        OneLine(CliRunner.Run("reproduce", "--claims", "C1\tC4"), "--claims: 'C1 C4' is not a claim id (C1..C12)");
    }

    [Fact]
    public void A_report_that_cannot_be_written_after_training_says_the_runs_are_stored_and_how_to_rebuild_it()
    {
        var dir = Directory.CreateDirectory(TempDir()).FullName;
        Directory.CreateDirectory(Path.Combine(dir, "report.md")); // a folder where the report's file goes
        var db = Path.Combine(dir, "runs.db");

        var result = CliRunner.Run("reproduce", "--preset", "smoke", "--claims", "C11", "--out", dir, "--threads", "1");

        result.ExitCode.Should().Be(2, result.StdErr);
        var last = result.StdErr.TrimEnd('\n').Split('\n')[^1];
        last.Should().Match($"strassen-repro: 2 runs are stored in {db}, but the report could not be written (*); " +
            $"rebuild it with: strassen-repro report --db {db} --out {dir}");
        using (var store = RunStore.Open(db)) store.Count.Should().Be(2);

        Directory.Delete(Path.Combine(dir, "report.md"));
        CliRunner.Run("report", "--db", db, "--out", dir, "--claims", "C11").ExitCode.Should().Be(0);
        File.Exists(Path.Combine(dir, "report.md")).Should().BeTrue();
    }
}
