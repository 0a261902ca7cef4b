using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>A large file of the wrong kind is refused after its first bytes, not after reading it whole.</summary>
[Trait("Category", "Fast")]
public class LargeFileTests
{
    private const long Large = 200L * 1024 * 1024;

    [Theory]
    [InlineData("zeros.npy", 0, "zeros.npy: not a NumPy .npy array (bad magic)")]
    [InlineData("zeros.npz", 0, "zeros.npz: not a .npz (zip) archive (bad magic)")]
    [InlineData("zeros.pt", 0, "zeros.pt: not a PyTorch zip checkpoint")]
    [InlineData("zeros.pth", 0x80, "zeros.pth: legacy*")]
    [InlineData("zeros.json", 0, "zeros.json: expected a JSON object")]
    public void A_200_MB_file_of_the_wrong_kind_is_refused_after_at_most_4_KiB(string path, byte fill, string message)
    {
        var stream = new CountingStream(Large, fill);
        var act = () => SchemeReader.Read(stream, path);
        act.Should().Throw<SchemeFormatException>().WithMessage(message);
        stream.BytesRead.Should().BeLessThanOrEqualTo(4096);
    }

    [Theory]
    [InlineData(" \r\n\t{")]
    [InlineData("{")]
    public void A_json_file_whose_first_significant_byte_opens_an_object_is_read_whole(string start)
    {
        var json = start + "\"shape\":[1,1,1],\"U\":[[1]],\"V\":[[1]],\"W\":[[1]]}";
        SchemeReader.Read(System.Text.Encoding.UTF8.GetBytes(json), "t.json").Scheme.Rank.Should().Be(1);
    }

    [Fact]
    public void A_json_file_of_white_space_only_is_left_to_the_parser()
    {
        var act = () => SchemeReader.Read(System.Text.Encoding.UTF8.GetBytes("  \n "), "t.json");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: not valid JSON*");
    }

    [Fact]
    public void A_json_file_that_opens_an_array_is_refused_by_its_first_byte()
    {
        var act = () => SchemeReader.Read(System.Text.Encoding.UTF8.GetBytes("\n [1, 2]"), "t.json");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.json: expected a JSON object");
    }

    [Fact]
    public void Only_the_data_bytes_the_npy_header_asks_for_are_read()
    {
        var npy = TestBytes.Npy("<f8", "(3, 1, 1)", [.. BitConverter.GetBytes(1.0), .. BitConverter.GetBytes(1.0),
            .. BitConverter.GetBytes(1.0)]);
        var padded = new MemoryStream([.. npy, .. new byte[1 << 20]]);
        NpyReader.Read(padded, "t.npy").Data.Should().Equal(1.0, 1.0, 1.0);
        padded.Position.Should().Be(npy.Length);
    }

    [Fact]
    public void A_sparse_200_MB_file_is_refused_by_its_magic()
    {
        var dir = Directory.CreateTempSubdirectory("strassen-large-");
        try
        {
            var path = Path.Combine(dir.FullName, "zeros.npy");
            using (var f = File.Create(path)) f.SetLength(Large);
            var act = () => SchemeReader.Read(path);
            act.Should().Throw<SchemeFormatException>().WithMessage("zeros.npy: *bad magic*");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

[Trait("Category", "Fast")]
public class CallerStreamTests
{
    [Theory]
    [InlineData("factorizations_r.npz", "numpy")]
    [InlineData("strassen_top_level_f32.pt", "checkpoints")]
    public void A_stream_the_caller_passes_is_left_open(string file, string folder)
    {
        var path = folder == "numpy" ? Path.Combine(Fixtures.Dir("numpy"), file) : Fixtures.Checkpoint(file);
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        SchemeReader.Read(stream, file, key: folder == "numpy" ? "2,2,2" : null);
        stream.CanRead.Should().BeTrue();
    }
}
