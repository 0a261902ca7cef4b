using StrassenRepro.Reproduction;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class OutputFolderTests
{
    [Fact]
    public void A_missing_folder_is_created_nested_and_left_without_a_probe_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"strassen-out-{Guid.NewGuid():N}", "a", "b");
        OutputFolder.Prepare(dir).Should().Be(Path.GetFullPath(dir));
        Directory.EnumerateFileSystemEntries(dir).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/data/out", typeof(UnauthorizedAccessException),
        "permission denied (a read-only folder or file system, or another user's folder)")]
    [InlineData("/data/out", typeof(IOException), "Read-only file system")]
    [InlineData("/proc", typeof(IOException), "/proc is the kernel's process file system, not a place for files")]
    [InlineData("/sys/x/y", typeof(UnauthorizedAccessException),
        "/sys is the kernel's device file system, not a place for files")]
    [InlineData("/system/x", typeof(IOException), "Read-only file system")]
    public void Why_a_folder_takes_no_files_is_said_in_words(string path, Type error, string reason)
    {
        var e = (Exception)Activator.CreateInstance(error, "Read-only file system")!;
        OutputFolder.Explain(path, e).Should().Be(reason);
    }
}
