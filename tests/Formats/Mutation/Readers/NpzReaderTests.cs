using System.IO.Compression;
using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>The .npz archive reader: entry keys, its limits, and corrupted entries.</summary>
[Trait("Category", "Fast")]
public class NpzReaderTests
{
    private static byte[] Npy(params double[] values)
    {
        var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({values.Length},), }}\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)header.Length, 0]);
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        foreach (var v in values) bytes.AddRange(BitConverter.GetBytes(v));
        return bytes.ToArray();
    }

    [Fact]
    public void Keys_drop_a_trailing_npy_and_keep_other_names_whole()
    {
        var npz = ZipBytes.Create(("a.npy", Npy(1)), ("bcde", Npy(2)), ("f.npy.bak", Npy(3)));
        NpzReader.Keys(npz, "t.npz").Should().Equal("a", "bcde", "f.npy.bak");
        NpzReader.ReadEntry(npz, "bcde", "t.npz").Data.Should().Equal(2);
        NpzReader.ReadEntry(npz, "a", "t.npz").Data.Should().Equal(1);
    }

    [Fact]
    public void A_missing_key_lists_the_first_twelve_entries()
    {
        var npz = ZipBytes.Create(Enumerable.Range(0, 13).Select(i => ($"k{i}.npy", Npy(i))).ToArray());
        var act = () => NpzReader.ReadEntry(npz, "nope", "t.npz");
        act.Should().Throw<SchemeFormatException>()
            .WithMessage("t.npz: no entry 'nope' (entries: k0 k1 k2 k3 k4 k5 k6 k7 k8 k9 k10 k11 ...)");
    }

    [Fact]
    public void An_archive_of_exactly_the_entry_limit_is_read_and_one_more_is_refused()
    {
        var entries = Enumerable.Range(0, NpzReader.MaxEntries + 1).Select(i => ($"{i}", Array.Empty<byte>())).ToArray();
        var atLimit = ZipBytes.Create(CompressionLevel.NoCompression, entries[..NpzReader.MaxEntries]);
        NpzReader.Keys(atLimit, "t.npz").Should().HaveCount(NpzReader.MaxEntries);
        var over = ZipBytes.Create(CompressionLevel.NoCompression, entries);
        var act = () => NpzReader.Keys(over, "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.npz: more than {NpzReader.MaxEntries} entries");
    }

    [Fact]
    public void An_entry_declaring_more_than_the_byte_limit_is_refused_before_it_is_inflated()
    {
        var npz = ZipBytes.WithDeclaredSize(ZipBytes.Create(("a.npy", Npy(1))), (uint)NpzReader.MaxEntryBytes + 1);
        var act = () => NpzReader.ReadEntry(npz, "a", "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npz: entry 'a.npy' declares * bytes, over the * limit");
    }

    [Fact]
    public void An_entry_declaring_exactly_the_byte_limit_is_not_refused_for_its_size()
    {
        var npz = ZipBytes.WithDeclaredSize(ZipBytes.Create(CompressionLevel.NoCompression, ("a.npy", Npy(1))), (uint)NpzReader.MaxEntryBytes);
        // Past the size check, the entry must hold what it declares: these few bytes are far short of it.
        var act = () => NpzReader.ReadEntry(npz, "a", "t.npz");
        act.Should().Throw<SchemeFormatException>().Which.Message.Should().NotContain("limit").And.StartWith("t.npz: ");
    }

    [Fact]
    public void An_entry_that_inflates_past_its_declared_size_is_refused()
    {
        var npz = ZipBytes.WithDeclaredSize(ZipBytes.Create(CompressionLevel.NoCompression, ("a.npy", Npy(1))), 6);
        var act = () => NpzReader.ReadEntry(npz, "a", "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npz: entry 'a.npy' inflates past its declared 6 bytes");
    }

    [Fact]
    public void An_entry_whose_CRC_does_not_match_is_corrupted()
    {
        var npz = ZipBytes.WithCrc(ZipBytes.Create(CompressionLevel.NoCompression, ("a.npy", Npy(1))), 12345);
        var act = () => NpzReader.ReadEntry(npz, "a", "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npz: entry 'a.npy' fails its CRC check*");
    }

    [Fact]
    public void Undecodable_compressed_data_is_a_corrupted_entry()
    {
        var npz = ZipBytes.WithCorruptedData(ZipBytes.Create(("a.npy", Npy(Enumerable.Range(0, 100).Select(i => (double)i).ToArray()))));
        var act = () => NpzReader.ReadEntry(npz, "a", "t.npz");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npz: corrupted zip entry 'a.npy' (*)");
    }
}
