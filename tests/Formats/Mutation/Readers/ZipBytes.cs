using System.Buffers.Binary;
using System.IO.Compression;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>Zip archives built in memory, and surgery on their headers to make them lie.</summary>
internal static class ZipBytes
{
    public static byte[] Create(CompressionLevel level, params (string Name, byte[] Data)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
                using (var s = zip.CreateEntry(name, level).Open()) s.Write(data);
        return memory.ToArray();
    }

    public static byte[] Create(params (string Name, byte[] Data)[] entries) => Create(CompressionLevel.Optimal, entries);

    /// <summary>Sets the first entry's uncompressed size in both its local and its central header.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, uint size) => Patch(zip, localOffset: 22, centralOffset: 24, size);

    /// <summary>Sets the first entry's CRC-32 in both its local and its central header.</summary>
    public static byte[] WithCrc(byte[] zip, uint crc) => Patch(zip, localOffset: 14, centralOffset: 16, crc);

    /// <summary>Flips bits in the first entry's compressed data (which starts after its local header).</summary>
    public static byte[] WithCorruptedData(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)), extra = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28));
        int start = 30 + nameLength + extra, length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(18));
        for (int i = start; i < start + length; i++) bytes[i] = 0xFF;
        return bytes;
    }

    private static byte[] Patch(byte[] zip, int localOffset, int centralOffset, uint value)
    {
        var bytes = (byte[])zip.Clone();
        BinaryPrimitives.ReadUInt32LittleEndian(bytes).Should().Be(0x04034b50u);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(localOffset), value);
        int central = IndexOf(bytes, 0x02014b50u);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + centralOffset), value);
        return bytes;
    }

    private static int IndexOf(byte[] bytes, uint signature)
    {
        for (int i = 0; i + 4 <= bytes.Length; i++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == signature) return i;
        throw new InvalidOperationException("no central directory");
    }

    public static ZipArchive Open(byte[] zip) => new(new MemoryStream(zip), ZipArchiveMode.Read);
}
