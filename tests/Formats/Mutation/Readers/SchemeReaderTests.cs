using System.IO.Compression;
using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Choosing a reader by extension, what a read reports about its source, and the file-level refusals.</summary>
[Trait("Category", "Fast")]
public class SchemeReaderTests
{
    private static string Numpy(string name) => Path.Combine(Fixtures.Dir("numpy"), name);

    private static byte[] Npy(string descr, string shape, byte[] data) => StrassenRepro.Tests.Formats.TestBytes.Npy(descr, shape, data);

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
                using (var s = zip.CreateEntry(name).Open()) s.Write(data);
        return memory.ToArray();
    }

    [Fact]
    public void A_json_file_is_read_by_path_as_our_declared_layout()
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint("strassen.json"));
        source.Format.Should().Be("json");
        source.Layout.Should().Be("ffl-rrr");
        source.LayoutChoice.Should().Be("declared");
        source.Key.Should().BeNull();
        source.Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void An_npy_file_reports_the_AlphaTensor_layout_as_declared()
    {
        var source = SchemeReader.Read(Numpy("strassen_int64.npy"));
        source.Layout.Should().Be(AlphaTensorLayout.LayoutName);
        source.LayoutChoice.Should().Be("declared");
    }

    [Fact]
    public void An_npz_entry_reports_its_key_format_and_declared_layout()
    {
        var source = SchemeReader.Read(Numpy("factorizations_r.npz"), "2,2,2");
        source.Format.Should().Be("npz");
        source.Key.Should().Be("2,2,2");
        source.Layout.Should().Be(AlphaTensorLayout.LayoutName);
        source.LayoutChoice.Should().Be("declared");
    }

    [Fact]
    public void A_bad_npz_entry_is_named_by_file_and_key()
    {
        var npz = Zip(("bad.npy", Npy("<f8", "(2, 4, 7)", new byte[56 * 8])));
        var act = () => SchemeReader.Read(npz, "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npz[bad]: *");
    }

    [Fact]
    public void A_pth_file_is_read_as_a_checkpoint_by_path_and_from_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("strassen-reader-");
        try
        {
            var pth = Path.Combine(dir.FullName, "model.PTH");
            File.Copy(Fixtures.Checkpoint("strassen_top_level_f32.pt"), pth);
            var source = SchemeReader.Read(pth);
            source.Format.Should().Be("pt");
            source.Scheme.Shape.Should().Be(new Shape(2, 2, 2));
            SchemeReader.Read(File.ReadAllBytes(pth), "x.pth").Format.Should().Be("pt");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void The_given_verification_options_are_used_to_detect_a_checkpoint_layout()
    {
        var bytes = File.ReadAllBytes(Fixtures.Checkpoint("strassen_top_level_f32.pt"));
        var act = () => SchemeReader.Read(bytes, "t.pt", options: VerificationOptions.Default with { Rank = 99 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*--rank 99 is outside*");
    }

    [Fact]
    public void An_unknown_extension_is_refused_before_the_file_is_looked_for()
    {
        var act = () => SchemeReader.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-strassen", "scheme.txt"));
        act.Should().Throw<SchemeFormatException>().WithMessage("scheme.txt: unknown file type '.txt'*");
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-strassen", "scheme.npy");
        var act = () => SchemeReader.Read(path);
        act.Should().Throw<SchemeFormatException>().WithMessage($"{path}: no such file");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("strassen-reader-");
        try
        {
            var path = Path.Combine(dir.FullName, "huge.npy");
            using (var f = File.Create(path)) f.SetLength(SchemeReader.MaxFileBytes + 1); // sparse: no data written
            var act = () => SchemeReader.Read(path);
            act.Should().Throw<SchemeFormatException>().WithMessage("huge.npy: * bytes is over the *-byte limit");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_file_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("strassen-reader-");
        try
        {
            var path = Path.Combine(dir.FullName, "small.npy");
            File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
            using (var stream = SchemeReader.OpenBounded(path, "small.npy", maxBytes: 5)) stream.Length.Should().Be(5);
            var act = () => SchemeReader.OpenBounded(path, "small.npy", maxBytes: 4);
            act.Should().Throw<SchemeFormatException>().WithMessage("small.npy: 5 bytes is over the 4-byte limit");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void An_I_O_error_while_reading_is_a_one_line_cannot_read_refusal()
    {
        // On Linux /proc/self/mem exists and reports length 0, but reading it from offset 0 fails with EIO.
        if (!OperatingSystem.IsLinux()) return;
        var dir = Directory.CreateTempSubdirectory("strassen-reader-");
        try
        {
            var link = Path.Combine(dir.FullName, "mem.npy");
            File.CreateSymbolicLink(link, "/proc/self/mem");
            var act = () => SchemeReader.Read(link);
            act.Should().Throw<SchemeFormatException>().WithMessage("mem.npy: cannot read (*)")
                .Which.Message.Should().NotContain("\n");
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>The top-level f32 Strassen checkpoint with its n-th tensor (U, V, W) made one-dimensional.</summary>
    private static byte[] WithFlatTensor(int which)
    {
        var original = File.ReadAllBytes(Fixtures.Checkpoint("strassen_top_level_f32.pt"));
        using var zip = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var e in zip.Entries)
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            var data = m.ToArray();
            if (e.FullName == "archive/data.pkl")
            {
                // After each BINPERSID and storage offset 0 ("QK\0") come size (a, b) and stride (c, d):
                // K a K b TUPLE2 BINPUT q K c K d TUPLE2. Make them (a*b,) and (1,).
                int at = -1;
                for (int n = 0; n <= which; n++) at = data.AsSpan(at + 1).IndexOf("QK\0"u8) + at + 1;
                int size = at + 3;
                data[size].Should().Be((byte)'K');
                byte[] flat = [(byte)'K', (byte)(data[size + 1] * data[size + 3]), 0x85, data[size + 5], data[size + 6], (byte)'K', 1, 0x85];
                data = [.. data[..size], .. flat, .. data[(size + 12)..]];
            }
            entries.Add((e.FullName, data));
        }
        return ZipBytes.Create(CompressionLevel.NoCompression, entries.ToArray());
    }

    [Theory]
    [InlineData(0, "U")]
    [InlineData(1, "V")]
    [InlineData(2, "W")]
    public void A_checkpoint_factor_that_is_not_a_matrix_is_named_in_the_refusal(int which, string role)
    {
        var act = () => SchemeReader.Read(WithFlatTensor(which), "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.pt: {role} has shape (28), expected a matrix");
    }
}
