using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Store;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class StoreLockTests
{
    private static string TempDir() => TempFolder.Create("lock");

    [Fact]
    public void A_held_lock_refuses_a_second_holder_and_names_the_first()
    {
        var db = Path.Combine(TempDir(), "runs.db");
        using (var first = StoreLock.Acquire(db))
        {
            var second = () => StoreLock.Acquire(db);
            second.Should().Throw<StoreBusyException>()
                .WithMessage($"{db} is in use by another process (pid {Environment.ProcessId}, since *); "
                    + "wait for it to finish, or choose another --out")
                .Which.Holder!.ProcessId.Should().Be(Environment.ProcessId);
        }
        using var again = StoreLock.Acquire(db);
        StoreLock.Holder.Read(StoreLock.PathFor(db))!.ProcessId.Should().Be(Environment.ProcessId);
    }

    [Fact]
    public void A_released_lock_leaves_an_empty_file_behind()
    {
        var db = Path.Combine(TempDir(), "runs.db");
        StoreLock.Acquire(db).Dispose();
        File.ReadAllText(db + ".lock").Should().BeEmpty();
        StoreLock.Holder.Read(db + ".lock").Should().BeNull();
    }

    [Fact]
    public void Reproduce_refuses_an_out_folder_whose_store_is_locked_before_training_anything()
    {
        var dir = TempDir();
        using var holder = StoreLock.Acquire(Reproducer.DatabasePath(dir));
        var options = new ReproduceOptions
        {
            Preset = StudyPreset.Smoke,
            Claims = ClaimCatalog.Select("C3"),
            OutDir = dir,
            Threads = 1,
        };
        var run = () => Reproducer.Run(options);
        run.Should().Throw<StoreBusyException>();
        File.Exists(Reproducer.DatabasePath(dir)).Should().BeFalse("the refused run opened no store");
    }
}
