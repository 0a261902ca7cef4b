using System.Text.Json;
using StrassenRepro.Reproduction.Report;
using Xunit.Abstractions;

namespace StrassenRepro.Tests.Cli;

/// <summary>results/study/runs.csv is what the code produces: rows drawn at random re-train alone to the published numbers.</summary>
public class PublishedStudyTests(ITestOutputHelper output)
{
    private static string Csv => Path.Combine(RepoPaths.Root, "results", "study", RunsTable.File);

    private static IReadOnlyList<RunsTableRow> Rows() => RunsTable.Parse(File.ReadAllText(Csv));

    /// <summary>
    /// Five rows drawn afresh on every run (the seed is printed) among the cheaper ones (B &lt;= 32, at most 42,000
    /// planned steps: about 2 s each alone on one core), re-trained through the CLI from their train column.
    /// </summary>
    [Fact]
    [Trait("Category", "Fast")]
    public void Five_rows_drawn_at_random_re_train_alone_to_the_published_outcome_and_delta()
    {
        var candidates = Rows().Where(r => r.BatchSize <= 32 && r.PlannedSteps <= 42000 && r.Outcome != "diverged").ToList();
        candidates.Should().HaveCountGreaterThan(1000);
        int seed = Random.Shared.Next();
        output.WriteLine($"draw seed {seed} (new Random(seed) over {candidates.Count} rows)");
        var random = new Random(seed);
        foreach (var row in Enumerable.Range(0, 5).Select(_ => candidates[random.Next(candidates.Count)]))
        {
            output.WriteLine($"re-training {row.ConfigHash[..16]}: {row.Train}");
            var dir = Path.Combine(Path.GetTempPath(), $"strassen-published-{Guid.NewGuid():N}");
            var result = CliRunner.Run([.. row.Train.Split(' ').Skip(1), "--out", dir, "--json"]);
            result.ExitCode.Should().BeOneOf([0, 1], result.StdErr);
            using var doc = JsonDocument.Parse(result.StdOut);
            var root = doc.RootElement;
            root.GetProperty("training").GetProperty("configHash").GetString().Should().Be(row.ConfigHash, row.Train);
            root.GetProperty("outcome").GetString().Should().Be(row.Outcome, row.Train);
            root.GetProperty("delta").GetDouble().Should().Be(row.Delta, row.Train);
            (root.TryGetProperty("outcomeAfterRecovery", out var after) ? after.GetString() ?? "" : "").Should()
                .Be(row.OutcomeAfterRecovery, row.Train);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every published row parses and its train command gives back exactly its configuration (by hash): 3 s.</summary>
    [Fact]
    [Trait("Category", "Reproduction")]
    [Trait("Category", "Fast")]
    public void Every_published_row_parses_and_its_train_command_names_its_configuration()
    {
        var rows = Rows();
        rows.Should().HaveCount(9385);
        rows.Select(r => r.ConfigHash).Should().OnlyHaveUniqueItems();
        foreach (var row in rows)
        {
            row.Claims.Should().NotBeEmpty(row.ConfigHash);
            row.Train.Should().StartWith("strassen-repro train ");
            var printed = CliRunner.Run([.. row.Train.Split(' ').Skip(1), "--print-config"]);
            printed.ExitCode.Should().Be(0, printed.StdErr);
            printed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be(row.ConfigHash, row.Train);
        }
    }
}
