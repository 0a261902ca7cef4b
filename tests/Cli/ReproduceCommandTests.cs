using Microsoft.Data.Sqlite;

namespace StrassenRepro.Tests.Cli;

[Trait("Category", "Fast")]
public class ReproduceCommandTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"strassen-cli-reproduce-{Guid.NewGuid():N}");

    private static List<string> StoredRecords(string db)
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
        string whole = TempDir(), killed = TempDir();
        CliRunner.RunProcess("reproduce", "--preset", "smoke", "--out", whole, "--threads", "1").ExitCode.Should().BeOneOf(0, 1);
        var expected = StoredRecords(Path.Combine(whole, "runs.db"));

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
