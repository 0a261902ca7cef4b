using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class RunStoreTests
{
    private static string TempDb() => Path.Combine(Path.GetTempPath(), $"strassen-store-{Guid.NewGuid():N}.db");

    internal static StoredRun Run(int seed, string outcome = "discrete") => new()
    {
        ConfigHash = $"hash-{seed:D4}",
        ConfigJson = $"{{\"seed\":{seed}}}",
        Protocol = "upstream",
        Seed = seed,
        BatchSize = 32,
        Outcome = OutcomeNames.FromWire(outcome)!.Value,
        OutcomeAfterRecovery = outcome == "continuous" ? Outcome.Discrete : null,
        STheta = outcome == "discrete" ? 1 : 0,
        Delta = 0.01 * seed,
        BrentMaxResidual = 1e-4,
        CanonicalStrassen = seed % 2 == 0,
        RecordJson = "{}",
        GitCommit = "abc123",
        VersionsJson = "{\"dotnet\":\"10\"}",
        FinishedUtc = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
        Seconds = 1.5,
    };

    [Fact]
    public void Stored_runs_read_back_field_for_field()
    {
        var path = TempDb();
        using (var store = RunStore.Open(path)) store.AddAll([Run(1), Run(2, "continuous")]).Should().Be(2);
        using var reopened = RunStore.Open(path);
        reopened.All().Should().BeEquivalentTo([Run(1), Run(2, "continuous")]);
    }

    [Fact]
    public void Adding_a_stored_hash_again_is_a_no_op()
    {
        using var store = RunStore.Open(TempDb());
        store.AddAll([Run(1), Run(2)]);
        store.AddAll([Run(2), Run(3)]).Should().Be(1);
        store.All().Select(r => r.Seed).Should().Equal(1, 2, 3);
        store.StoredHashes().Should().BeEquivalentTo(["hash-0001", "hash-0002", "hash-0003"]);
        store.Contains("hash-0003").Should().BeTrue();
        store.Contains("hash-9999").Should().BeFalse();
    }

    [Fact]
    public void Merging_shards_gives_the_union_without_duplicates()
    {
        string a = TempDb(), b = TempDb(), merged = TempDb();
        using (var s = RunStore.Open(a)) s.AddAll([Run(1), Run(2)]);
        using (var s = RunStore.Open(b)) s.AddAll([Run(2), Run(3)]);
        using var m = RunStore.Open(merged);
        m.MergeFrom(a).Should().Be(2);
        m.MergeFrom(b).Should().Be(1);
        m.All().Select(r => r.Seed).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void A_copy_holds_the_same_runs_and_leaves_the_source_as_it_was()
    {
        string source = TempDb(), copy = TempDb();
        using (var s = RunStore.Open(source)) s.AddAll([Run(1), Run(2, "continuous")]);
        var before = File.ReadAllBytes(source);
        RunStore.Copy(source, copy);
        File.ReadAllBytes(source).Should().Equal(before);
        using var c = RunStore.Open(copy);
        c.All().Should().BeEquivalentTo([Run(1), Run(2, "continuous")]);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_clear_error()
    {
        var path = TempDb();
        File.WriteAllText(path, "this is not sqlite, it is plain text that goes on for a while ............................................");
        var act = () => RunStore.Open(path);
        act.Should().Throw<RunStoreException>().WithMessage("*not a usable run store*");
        File.ReadAllText(path).Should().StartWith("this is not sqlite", "a refused file is left as it was");
    }

    [Fact]
    public void Merging_a_missing_shard_is_refused()
    {
        using var store = RunStore.Open(TempDb());
        var act = () => store.MergeFrom("/nonexistent/shard.db");
        act.Should().Throw<RunStoreException>();
    }
}
