using StrassenRepro.Formats;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Tests.Formats;

/// <summary>Defaults and refusals of a folder run, and the walk's treatment of plinopt triples and missing targets.</summary>
[Trait("Category", "Fast")]
public class FolderOptionsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 16)]
    [InlineData(5, 20)]
    public void Threads_and_window_default_from_the_processors(int threads, int window)
    {
        var options = new FolderVerificationOptions([]) { Threads = threads };
        options.EffectiveThreads.Should().Be(threads == 0 ? Environment.ProcessorCount : threads);
        options.EffectiveWindow.Should().Be(threads == 0 ? Math.Max(16, 4 * Environment.ProcessorCount) : window);
        (options with { Window = 3 }).EffectiveWindow.Should().Be(3);
    }

    [Theory]
    [InlineData(-1, 0, "threads -1 < 0*")]
    [InlineData(1, -2, "window -2 < 0*")]
    public void Negative_threads_or_window_are_refused(int threads, int window, string message)
    {
        var act = () => FolderVerification.Rows(new FolderVerificationOptions([]) { Threads = threads, Window = window }).ToList();
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage(message);
    }

    [Fact]
    public void A_missing_target_is_one_entry_and_a_triple_is_read_from_its_L_file()
    {
        var folder = TempFolder.Create("folder-walk");
        foreach (var name in new[] { "t_L.sms", "t_R.sms", "t_P.sms", "lone_R.sms", "x_P.sms", "notes.txt" })
            File.WriteAllText(Path.Combine(folder, name), "");
        var missing = Path.Combine(folder, "none.json");
        SchemeFolder.Walk([missing, folder], recursive: false).Select(e => Path.GetFileName(e.Path))
            .Should().Equal("none.json", "lone_R.sms", "t_L.sms", "x_P.sms");
        SchemeFolder.Count([folder], recursive: false).Should().Be(3);
    }

    [Theory]
    [InlineData("a.npz", true, false)]
    [InlineData("a.PT", true, true)]
    [InlineData("a.pth", true, true)]
    [InlineData("a.json", false, false)]
    [InlineData("a.npy", false, false)]
    public void Keys_and_layouts_are_taken_by_the_formats_that_have_them(string file, bool key, bool layout)
    {
        SchemeReader.TakesKey(file).Should().Be(key);
        SchemeReader.TakesLayout(file).Should().Be(layout);
    }
}
