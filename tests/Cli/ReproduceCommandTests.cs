using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace StrassenRepro.Tests.Cli;

/// <summary>The runs of one uninterrupted smoke sweep: what an interrupted and resumed one must end with.</summary>
public sealed class UninterruptedSmoke
{
    public IReadOnlyList<string> Records { get; }

    public UninterruptedSmoke()
    {
        var dir = ReproduceCommandTests.TempDir();
        CliRunner.RunProcess("reproduce", "--preset", "smoke", "--out", dir, "--threads", "1").ExitCode.Should().Be(0);
        Records = ReproduceCommandTests.StoredRecords(Path.Combine(dir, "runs.db"));
    }
}

[Trait("Category", "Fast")]
public partial class ReproduceCommandTests(UninterruptedSmoke uninterrupted) : IClassFixture<UninterruptedSmoke>
{
    internal static string TempDir() => Path.Combine(Path.GetTempPath(), $"strassen-cli-reproduce-{Guid.NewGuid():N}");

    internal static List<string> StoredRecords(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT config_hash || record_json FROM runs ORDER BY config_hash";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    private static int CountRuns(string db)
    {
        if (!File.Exists(db)) return 0;
        try { return StoredRecords(db).Count; }
        catch (SqliteException) { return 0; }
    }

    [Fact]
    public void A_sweep_killed_mid_way_and_resumed_stores_the_same_runs_as_an_uninterrupted_one()
    {
        string killed = TempDir();
        var expected = uninterrupted.Records;

        using (var process = CliRunner.Start("reproduce", "--preset", "smoke", "--out", killed, "--threads", "1"))
        {
            var db = Path.Combine(killed, "runs.db");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (CountRuns(db) == 0 && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(10);
            if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL
            process.WaitForExit();
        }
        int afterKill = CountRuns(Path.Combine(killed, "runs.db"));
        afterKill.Should().BeLessThanOrEqualTo(expected.Count);

        var resumed = CliRunner.RunProcess("reproduce", "--preset", "smoke", "--out", killed, "--threads", "1", "--resume");
        resumed.ExitCode.Should().BeOneOf(0, 1);
        resumed.StdErr.Should().NotContain("   at ");
        StoredRecords(Path.Combine(killed, "runs.db")).Should().Equal(expected);
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGINT once a population is stored, SIGTERM as soon as the store is open (first population).</summary>
    [Theory]
    [InlineData("SIGINT", 2, 1, 130)]
    [InlineData("SIGTERM", 15, 0, 143)]
    public void A_signal_stops_the_sweep_at_a_safe_point_and_its_resume_command_completes_it(
        string name, int signal, int storedFirst, int exitCode)
    {
        string dir = TempDir(), db = Path.Combine(dir, "runs.db");
        string[] args = ["reproduce", "--preset", "smoke", "--out", dir, "--threads", "1"];
        using var process = CliRunner.Start(args);
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var deadline = DateTime.UtcNow.AddMinutes(2);
        bool Ready() => File.Exists(db) && CountRuns(db) >= storedFirst;
        while (!Ready() && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(5);
        process.HasExited.Should().BeFalse("the signal must reach a running sweep");
        SendSignal(process.Id, signal).Should().Be(0);

        var result = CliRunner.Finish(process, stdout, stderr, args);
        result.ExitCode.Should().Be(exitCode, result.StdErr);
        result.StdOut.Should().BeEmpty("no report was written");
        var last = result.StdErr.TrimEnd('\n').Split('\n')[^1];
        var stop = StopLine().Match(last);
        stop.Success.Should().BeTrue(last);
        stop.Groups["signal"].Value.Should().Be(name);
        int.Parse(stop.Groups["stored"].Value, CultureInfo.InvariantCulture)
            .Should().Be(CountRuns(db)).And.BeLessThan(uninterrupted.Records.Count);
        stop.Groups["planned"].Value.Should().Be($"{uninterrupted.Records.Count}");
        stop.Groups["resume"].Value.Should()
            .Be($"strassen-repro reproduce --preset smoke --out {dir} --threads 1 --resume");

        var resumed = CliRunner.RunProcess(stop.Groups["resume"].Value.Split(' ')[1..]);
        resumed.ExitCode.Should().Be(0, resumed.StdErr);
        StoredRecords(db).Should().Equal(uninterrupted.Records);
    }

    [GeneratedRegex(@"^strassen-repro: stopped by (?<signal>SIG[A-Z]+): (?<stored>\d+) of (?<planned>\d+) planned runs "
        + @"are stored in .+/runs\.db; resume with: (?<resume>.+)$")]
    private static partial Regex StopLine();

    [Fact]
    public void Report_rebuilds_the_summary_from_the_store_and_merge_joins_shards()
    {
        string a = TempDir(), b = TempDir(), merged = TempDir();
        CliRunner.Run("reproduce", "--preset", "smoke", "--out", a, "--shard", "1/2", "--threads", "1").ExitCode.Should().BeOneOf(0, 1);
        CliRunner.Run("reproduce", "--preset", "smoke", "--out", b, "--shard", "2/2", "--threads", "1").ExitCode.Should().BeOneOf(0, 1);
        var mergeResult = CliRunner.Run("merge", "--into", Path.Combine(merged, "runs.db"), Path.Combine(a, "runs.db"), Path.Combine(b, "runs.db"));
        mergeResult.ExitCode.Should().Be(0, mergeResult.StdErr);
        var report = CliRunner.Run("report", "--db", Path.Combine(merged, "runs.db"), "--out", merged, "--json");
        report.ExitCode.Should().BeOneOf(0, 1);
        report.StdOut.Should().Contain("\"verdict\"");
        File.Exists(Path.Combine(merged, "report.md")).Should().BeTrue();
        // runs.csv: every stored run, and its train command gives back exactly its configuration.
        var rows = StrassenRepro.Reproduction.Report.RunsTable.Parse(File.ReadAllText(Path.Combine(merged, "runs.csv")));
        rows.Select(r => r.ConfigHash).Should().Equal(StoredRecords(Path.Combine(merged, "runs.db")).Select(r => r[..64]));
        rows.Should().Contain(r => r.Claims.Contains("C8") && r.Train.Contains("--set kappaSteps="));
        foreach (var row in rows)
        {
            var printed = CliRunner.Run([.. row.Train.Split(' ').Skip(1), "--print-config"]);
            printed.ExitCode.Should().Be(0, printed.StdErr);
            printed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be(row.ConfigHash, row.Train);
        }
        var export = CliRunner.Run("export-runs", "--db", Path.Combine(merged, "runs.db"), "--jsonl", Path.Combine(merged, "runs.jsonl"));
        export.ExitCode.Should().Be(0);
        File.ReadAllLines(Path.Combine(merged, "runs.jsonl")).Should().HaveCount(StoredRecords(Path.Combine(merged, "runs.db")).Count);
    }

    [Theory]
    [InlineData("reproduce", "--preset", "huge")]
    [InlineData("reproduce", "--claims", "C99")]
    [InlineData("reproduce", "--shard", "3/2")]
    [InlineData("report", "--db", "/nonexistent/runs.db")]
    public void Bad_options_are_usage_errors_with_exit_code_2(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.Should().Be(2);
        result.StdErr.Trim().Split('\n').Should().HaveCount(1);
    }
}
