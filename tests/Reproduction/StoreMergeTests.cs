using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>merge is all or nothing: the target changes only by the final rename.</summary>
[Trait("Category", "Fast")]
public class StoreMergeTests
{
    private readonly string _dir = TempFolder.Create("merge");

    private string Store(string name, string preset, params int[] seeds)
    {
        var path = Path.Combine(_dir, name);
        using var store = RunStore.Open(path);
        store.SetMeta(RunStore.StudyPresetKey, preset);
        store.AddAll(seeds.Select(s => RunStoreTests.Run(s)));
        return path;
    }

    private IEnumerable<string> Leftovers() =>
        Directory.EnumerateFiles(_dir).Select(Path.GetFileName)
            .Where(f => f!.Contains(".merge-", StringComparison.Ordinal))!;

    [Fact]
    public void Merging_gives_the_union_and_carries_the_preset()
    {
        string a = Store("a.db", "quick", 1, 2), b = Store("b.db", "quick", 2, 3);
        var target = Path.Combine(_dir, "sub", "all.db");

        var result = StoreMerge.Into(target, [a, b]);

        result.Shards.Select(s => s.NewRuns).Should().Equal(2, 1);
        result.StoredRuns.Should().Be(3);
        using var merged = RunStore.Open(target);
        merged.All().Select(r => r.Seed).Should().Equal(1, 2, 3);
        merged.GetMeta(RunStore.StudyPresetKey).Should().Be("quick");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_failing_shard_leaves_the_target_byte_identical_even_after_good_shards()
    {
        var target = Store("all.db", "quick", 1, 2);
        string good = Store("good.db", "quick", 3), other = Store("other.db", "paper", 4);
        var before = File.ReadAllBytes(target);

        var merge = () => StoreMerge.Into(target, [good, other]);

        merge.Should().Throw<RunStoreException>().WithMessage($"{other} holds a 'paper' sweep, *'quick'*");
        File.ReadAllBytes(target).Should().Equal(before);
        File.Exists(target + "-wal").Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_corrupt_shard_leaves_no_target_where_there_was_none()
    {
        string good = Store("good.db", "quick", 1), corrupt = Path.Combine(_dir, "corrupt.db");
        File.WriteAllText(corrupt, new string('x', 4096));
        var target = Path.Combine(_dir, "all.db");

        var merge = () => StoreMerge.Into(target, [good, corrupt]);

        merge.Should().Throw<RunStoreException>().WithMessage($"{corrupt}: not a usable run store*");
        File.Exists(target).Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_missing_shard_or_a_corrupt_target_changes_nothing()
    {
        var target = Path.Combine(_dir, "all.db");
        File.WriteAllText(target, new string('x', 4096));
        var before = File.ReadAllBytes(target);

        var intoCorrupt = () => StoreMerge.Into(target, [Store("a.db", "quick", 1)]);
        intoCorrupt.Should().Throw<RunStoreException>().WithMessage($"{target}: not a usable run store*");
        File.ReadAllBytes(target).Should().Equal(before);
        var missing = () => StoreMerge.Into(Path.Combine(_dir, "new.db"), [Path.Combine(_dir, "nope.db")]);
        missing.Should().Throw<RunStoreException>().WithMessage("*nope.db: no such run store");
        File.Exists(Path.Combine(_dir, "new.db")).Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_target_locked_by_a_running_sweep_is_not_replaced()
    {
        var target = Store("all.db", "quick", 1);
        var before = File.ReadAllBytes(target);
        using var sweep = StoreLock.Acquire(target);

        var merge = () => StoreMerge.Into(target, [Store("a.db", "quick", 2)]);

        merge.Should().Throw<StoreBusyException>();
        File.ReadAllBytes(target).Should().Equal(before);
    }
}
