using System.IO.Compression;
using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>The torch.save zip container: recognising it, its archive layout, and its allocation limits.</summary>
[Trait("Category", "Fast")]
public class TorchCheckpointTests
{
    // Three float32 storages of 28 elements (112 bytes each) and a 425-byte data.pkl.
    private static byte[] Strassen() => File.ReadAllBytes(Fixtures.Checkpoint("strassen_top_level_f32.pt"));

    private const int StorageElements = 28, TotalBytes = 425 + 3 * 112;

    /// <summary>The fixture's entries, renamed (or dropped where rename gives null), as a new stored zip.</summary>
    private static byte[] Repack(Func<string, string?> rename, Func<string, byte[], byte[]>? transform = null)
    {
        using var zip = new ZipArchive(new MemoryStream(Strassen()), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var e in zip.Entries)
        {
            if (rename(e.FullName) is not { } name) continue;
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            entries.Add((name, transform is null ? m.ToArray() : transform(e.FullName, m.ToArray())));
        }
        return ZipBytes.Create(CompressionLevel.NoCompression, entries.ToArray());
    }

    private static Scheme SchemeOf(TorchCheckpoint checkpoint)
    {
        var root = (PyDict)checkpoint.Root!;
        double[] Data(string k) => checkpoint.Materialize((TorchTensor)root.Get(k)!);
        var s = new Shape(2, 2, 2);
        return new Scheme(s, 7, Data("U"), Data("V"), Data("W"));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4 }, true)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 5, 6 }, true)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 7, 8 }, false)]
    [InlineData(new byte[] { (byte)'X', (byte)'K', 3, 4 }, false)]
    [InlineData(new byte[] { (byte)'P', (byte)'X', 3, 4 }, false)]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3 }, false)]
    [InlineData(new byte[] { (byte)'P' }, false)]
    [InlineData(new byte[0], false)]
    public void A_zip_is_recognised_by_its_signature(byte[] bytes, bool zip)
    {
        TorchCheckpoint.LooksLikeZip(bytes).Should().Be(zip);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_as_not_a_checkpoint()
    {
        var act = () => TorchCheckpoint.Read(Encoding.ASCII.GetBytes("hello, world"), "f.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage("f.pt: not a PyTorch zip checkpoint");
    }

    [Fact]
    public void A_data_pkl_at_the_top_of_the_zip_is_an_archive_without_a_folder()
    {
        var checkpoint = TorchCheckpoint.Read(Repack(n => n["archive/".Length..]), "f.pt");
        checkpoint.Archive.Should().Be("");
        SchemeOf(checkpoint).CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void Without_a_byteorder_entry_storages_are_little_endian()
    {
        var checkpoint = TorchCheckpoint.Read(Repack(n => n == "archive/byteorder" ? null : n), "f.pt");
        checkpoint.BigEndian.Should().BeFalse();
        SchemeOf(checkpoint).CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void A_zip_of_exactly_the_entry_limit_is_looked_into_and_one_more_is_refused()
    {
        var entries = Enumerable.Range(0, NpzReader.MaxEntries + 1).Select(i => ($"{i}", Array.Empty<byte>())).ToArray();
        var atLimit = () => TorchCheckpoint.Read(ZipBytes.Create(CompressionLevel.NoCompression, entries[..NpzReader.MaxEntries]), "f.pt");
        atLimit.Should().Throw<SchemeFormatException>().WithMessage("*without data.pkl*");
        var over = () => TorchCheckpoint.Read(ZipBytes.Create(CompressionLevel.NoCompression, entries), "f.pt");
        over.Should().Throw<SchemeFormatException>().WithMessage($"*more than {NpzReader.MaxEntries} zip entries*");
    }

    [Fact]
    public void A_storage_of_exactly_the_element_limit_is_read_and_one_more_is_refused()
    {
        TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxElements = StorageElements }).Root.Should().NotBeNull();
        var act = () => TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxElements = StorageElements - 1 });
        act.Should().Throw<SchemeFormatException>().WithMessage($"*declares {StorageElements} elements*");
    }

    [Fact]
    public void Storages_filling_exactly_the_allocation_cap_are_read_and_one_byte_less_is_refused()
    {
        TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxTotalBytes = TotalBytes }).Root.Should().NotBeNull();
        var act = () => TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxTotalBytes = TotalBytes - 1 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*allocation cap*");
    }

    [Fact]
    public void A_storage_declaring_zero_elements_is_checked_against_its_entry_size()
    {
        // The first persistent id ends "K\x1ct" (numel 28, TUPLE); make it declare 0 elements.
        var bytes = Repack(n => n, (n, data) =>
        {
            if (n != "archive/data.pkl") return data;
            int at = data.AsSpan().IndexOf("K\u001ct"u8);
            data[at + 1] = 0;
            return data;
        });
        var act = () => TorchCheckpoint.Read(bytes, "f.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage("f.pt: storage '0' declares 0 x 4 bytes, but its entry holds 112");
    }

    private static byte[] BinUnicode(string s) => [(byte)'X', .. BitConverter.GetBytes(s.Length), .. Encoding.ASCII.GetBytes(s)];

    /// <summary>A checkpoint whose data.pkl is a one-dimensional tensor over storage `key` of the given type and element bytes.</summary>
    private static byte[] OneStorage(string key, string storageType, int elementSize, byte[] data)
    {
        int numel = data.Length / elementSize;
        var pickle = TestBytes.Pickle(0x80, 2, 'c', "torch._utils\n_rebuild_tensor_v2\n", '(',
            '(', BinUnicode("storage"), 'c', $"torch\n{storageType}\n", BinUnicode(key), BinUnicode("cpu"), 'J', BitConverter.GetBytes(numel), 't', 'Q',
            'K', 0, 'K', numel, 0x85, 'K', 1, 0x85, 0x89, 'c', "collections\nOrderedDict\n", ')', 'R', 't', 'R', '.');
        return ZipBytes.Create(CompressionLevel.NoCompression, ("archive/data.pkl", pickle), ($"archive/data/{key}", data));
    }

    [Fact]
    public void A_storage_key_of_exactly_64_characters_is_accepted()
    {
        var key = new string('k', 64);
        var checkpoint = TorchCheckpoint.Read(OneStorage(key, "FloatStorage", 4, BitConverter.GetBytes(2.5f)), "f.pt");
        var tensor = checkpoint.Root.Should().BeOfType<TorchTensor>().Subject;
        tensor.Storage.Key.Should().Be(key);
        checkpoint.Materialize(tensor).Should().Equal(2.5);
    }

    [Fact]
    public void A_storage_key_of_65_characters_is_not_a_plain_name()
    {
        var key = new string('k', 65);
        var act = () => TorchCheckpoint.Read(OneStorage(key, "FloatStorage", 4, BitConverter.GetBytes(2.5f)), "f.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage($"f.pt: storage key '{key}' is not a plain name");
    }

    [Fact]
    public void An_int64_storage_element_past_two_to_the_53_is_refused_naming_the_file()
    {
        var checkpoint = TorchCheckpoint.Read(OneStorage("0", "LongStorage", 8, BitConverter.GetBytes((1L << 53) + 1)), "f.pt");
        checkpoint.FileName.Should().Be("f.pt");
        var act = () => checkpoint.Materialize((TorchTensor)checkpoint.Root!);
        act.Should().Throw<SchemeFormatException>().WithMessage("f.pt: integer coefficient 9007199254740993 is too large to check exactly");
    }

    [Fact]
    public void A_data_pkl_of_exactly_the_pickle_limit_is_read_and_one_byte_less_is_refused()
    {
        // The fixture's data.pkl is 425 bytes.
        TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxPickleBytes = 425 }).Root.Should().NotBeNull();
        var act = () => TorchCheckpoint.Read(Strassen(), "f.pt", new PickleLimits { MaxPickleBytes = 424 });
        act.Should().Throw<SchemeFormatException>().WithMessage("f.pt: data.pkl declares 425 bytes, over the 424 limit");
    }
}
