using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>A file written through AtomicFile is there whole or as it was: export-runs and the report rely on it.</summary>
[Trait("Category", "Fast")]
public class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one()
    {
        var dir = TempFolder.Create("atomic");
        var path = Path.Combine(dir, "runs.jsonl");
        File.WriteAllText(path, "old\n");
        FluentActions.Invoking(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half a li"u8);
            throw new IOException("disk full");
        })).Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be("old\n");
        Directory.GetFiles(dir).Should().Equal(path);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_streamed_write_replaces_the_file_with_exactly_what_was_written()
    {
        var dir = TempFolder.Create("atomic");
        var path = Path.Combine(dir, "out.txt");
        File.WriteAllText(path, "a longer old content\n");
        AtomicFile.Write(path, stream => stream.Write("new\n"u8));
        File.ReadAllBytes(path).Should().Equal("new\n"u8.ToArray());
        AtomicFile.WriteAllBytes(path, "bytes"u8);
        File.ReadAllText(path).Should().Be("bytes");
        Directory.Delete(dir, recursive: true);
    }
}
