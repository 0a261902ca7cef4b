using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Tests.Formats;

/// <summary>`verify DIR` as a library: the walk order, the rows in that order whatever the thread timing, the
/// window that bounds how far threads run ahead, unreadable files counted, and the table by shape and ring.</summary>
[Trait("Category", "Fast")]
public class FolderVerificationTests
{
    private static readonly string StrassenJson = SchemeJson.Write(KnownSchemes.Strassen());

    private static VerificationReport Verify(string path) =>
        FileVerification.Verify(new FileVerificationRequest(path) { TransferSizes = [2] }).Report;

    /// <summary>A folder of n copies of Strassen named f000.json ...; returns the folder.</summary>
    private static string Copies(int n)
    {
        var dir = TempFolder.Create("folder-verification");
        for (int i = 0; i < n; i++) File.WriteAllText(Path.Combine(dir, $"f{i:000}.json"), StrassenJson);
        return dir;
    }

    [Fact]
    public void Rows_come_in_sorted_file_order_whatever_the_thread_timing()
    {
        var dir = Copies(40);
        var report = Verify(Path.Combine(dir, "f000.json"));
        // Later files finish first: a row handed out as it finished would come in reverse.
        VerificationReport Slow(string path)
        {
            int i = int.Parse(Path.GetFileNameWithoutExtension(path)[1..]);
            Thread.Sleep((40 - i) % 7 * 3);
            return report with { Path = path };
        }

        var rows = FolderVerification.Rows(new FolderVerificationOptions([dir]) { Threads = 4, Verify = Slow }).ToList();

        rows.Select(r => Path.GetFileName(r.Path)).Should().Equal(Enumerable.Range(0, 40).Select(i => $"f{i:000}.json"));
        rows.Select(r => r.Index).Should().Equal(Enumerable.Range(0, 40));
        rows.Should().OnlyContain(r => r.Status == FolderRowStatus.Valid);
    }

    [Fact]
    public async Task No_file_is_taken_a_window_or_more_past_the_next_row_to_hand_out()
    {
        var dir = Copies(30);
        var report = Verify(Path.Combine(dir, "f000.json"));
        using var first = new ManualResetEventSlim();
        int highest = -1;
        VerificationReport Held(string path)
        {
            int i = int.Parse(Path.GetFileNameWithoutExtension(path)[1..]);
            InterlockedMax(ref highest, i);
            if (i == 0) first.Wait(TimeSpan.FromSeconds(20));
            return report with { Path = path };
        }

        var options = new FolderVerificationOptions([dir]) { Threads = 3, Window = 5, Verify = Held };
        using var rows = FolderVerification.Rows(options).GetEnumerator();
        var next = Task.Run(rows.MoveNext);
        // Wait (on a loaded machine, for a while) until the window is full, then give a runaway thread time to pass it.
        for (int waited = 0; Volatile.Read(ref highest) < 4 && waited < 20_000; waited += 20) await Task.Delay(20);
        await Task.Delay(300);
        int whileHeld = Volatile.Read(ref highest);
        first.Set();
        (await next.WaitAsync(TimeSpan.FromSeconds(20))).Should().BeTrue();

        whileHeld.Should().Be(4, "files 1..4 fill the window behind the held file 0, and file 5 waits for it");
        int count = 1;
        while (rows.MoveNext()) count++;
        count.Should().Be(30);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    [Fact]
    public void Recursion_walks_subfolders_in_name_order_and_only_when_asked()
    {
        var dir = TempFolder.Create("folder-verification");
        Directory.CreateDirectory(Path.Combine(dir, "b", "c"));
        Directory.CreateDirectory(Path.Combine(dir, "a"));
        foreach (var file in new[] { "z.json", "b/c/y.json", "b/x.json", "a/w.json", "m.json", "notes.txt" })
            File.WriteAllText(Path.Combine(dir, file), StrassenJson);

        string[] Names(bool recursive) =>
            SchemeFolder.Walk([dir], recursive).Select(e => Path.GetRelativePath(dir, e.Path)).ToArray();

        Names(true).Should().Equal("a/w.json", "b/c/y.json", "b/x.json", "m.json", "z.json");
        Names(false).Should().Equal("m.json", "z.json");
        SchemeFolder.Count([dir], true).Should().Be(5);
    }

    [Fact]
    public void Unreadable_files_are_rows_counted_in_the_table_and_the_worst_row_decides()
    {
        var dir = TempFolder.Create("folder-verification");
        var s = KnownSchemes.Strassen();
        var u = s.URows();
        u[0][1] = 1;
        File.WriteAllText(Path.Combine(dir, "a.json"), StrassenJson);
        File.WriteAllText(Path.Combine(dir, "b.json"), SchemeJson.Write(Scheme.FromRows(s.Shape, u, s.VRows(), s.WRows())));
        File.WriteAllText(Path.Combine(dir, "c.json"), "not json");
        File.WriteAllText(Path.Combine(dir, "d.json"),
            CatalogueFixtures.CatalogueJson(CatalogueFixtures.Exact(KnownSchemes.Naive(new Shape(2, 2, 3))), z2: true));
        var tally = new FolderTally();

        var rows = FolderVerification.Rows(new FolderVerificationOptions([dir]) { Threads = 2, Verify = Verify }).ToList();
        rows.ForEach(tally.Add);

        rows.Select(r => r.Status).Should().Equal(FolderRowStatus.Valid, FolderRowStatus.NotValid,
            FolderRowStatus.Unreadable, FolderRowStatus.Valid);
        rows[2].Error.Should().StartWith("c.json").And.NotContain("\n");
        (tally.Files, tally.Valid, tally.NotValid, tally.Unreadable).Should().Be((4, 2, 1, 1));
        tally.Lines().Should().Equal(
            new FolderTallyLine("<2,2,2>", "Z", 1, 1, 0),
            new FolderTallyLine("<2,2,3>", "F2", 1, 0, 0),
            new FolderTallyLine("?", "?", 0, 0, 1));
        tally.Worst.Should().Be(FolderRowStatus.Unreadable);
        tally.Verdict.Should().Be("UNREADABLE: 1 of 4 files (1 not valid)");
    }

    [Fact]
    public void The_verdict_is_valid_only_when_every_row_is_and_not_valid_before_unreadable()
    {
        var tally = new FolderTally();
        var report = Verify(Path.Combine(Copies(1), "f000.json"));
        tally.Add(new FolderRow(0, "a", report, null));
        tally.Verdict.Should().Be("VALID: all 1 files");
        tally.Add(new FolderRow(1, "b", report with { Valid = false }, null));
        (tally.Worst, tally.Verdict).Should().Be((FolderRowStatus.NotValid, "NOT VALID: 1 of 2 files"));
        tally.Add(new FolderRow(2, "c", null, "c: bad"));
        ((int)tally.Worst).Should().Be(2);
    }

    [Fact]
    public void An_exception_no_reader_should_throw_fails_its_own_row_named_by_its_type()
    {
        var row = FolderRow.Of(3, new FolderEntry("x.json"), _ => throw new InvalidOperationException("a gap\nsecond"));
        row.Should().Be(new FolderRow(3, "x.json", null, "InvalidOperationException: a gap second"));
    }

    [Fact]
    public void Stopping_early_ends_the_threads_and_a_negative_thread_count_is_refused()
    {
        var dir = Copies(20);
        var first = FolderVerification.Rows(new FolderVerificationOptions([dir]) { Threads = 2, Verify = Verify }).Take(2).ToList();
        first.Should().HaveCount(2);
        var refused = () => FolderVerification.Rows(new FolderVerificationOptions([dir]) { Threads = -1 });
        refused.Should().Throw<ArgumentOutOfRangeException>();
    }
}
