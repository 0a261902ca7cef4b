using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Formats;

/// <summary>Zip entry checks shared by the archive readers: safe names, and reads bounded by the declared size.</summary>
public static class ZipSafety
{
    /// <summary>A zip's first bytes: "PK", then a local file header (3, 4) or an empty archive's end (5, 6).</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5;

    /// <summary>Refuses absolute names, `..` segments, backslashes, drive letters and undecodable or control characters.</summary>
    public static void CheckName(string entry, string file)
    {
        bool bad = entry.Length == 0 || entry.Length > 512 || entry.StartsWith('/') || entry.Contains('\\') ||
                   (entry.Length >= 2 && entry[1] == ':') ||
                   entry.Split('/').Any(s => s == "..") ||
                   entry.Any(c => char.IsControl(c) || c == '\uFFFD');
        if (bad) throw new SchemeFormatException($"{file}: unsafe zip entry name '{PrintableText.Of(entry)}'");
    }

    /// <summary>
    /// Exactly `length` bytes of the entry; an entry that inflates to more or fewer is corrupted (or a bomb).
    /// The buffer grows as data arrives (from at most 1 MiB, doubling), so a length the entry does not
    /// back is refused as truncated without allocating it first.
    /// </summary>
    public static byte[] ReadExactly(ZipArchiveEntry entry, long length, string file)
    {
        if (length < 0 || length > Array.MaxLength) throw new SchemeFormatException($"{file}: entry '{PrintableText.Of(entry.FullName)}' is too large");
        var buffer = new byte[Math.Min(length, InitialBufferBytes)];
        try
        {
            using var stream = entry.Open();
            int done = 0;
            while (done < length)
            {
                if (done == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
                int read = stream.Read(buffer, done, buffer.Length - done);
                if (read == 0) throw new SchemeFormatException($"{file}: entry '{PrintableText.Of(entry.FullName)}' is truncated ({done} of {length} bytes)");
                done += read;
            }
            if (length == entry.Length && stream.Read(new byte[1], 0, 1) != 0)
                throw new SchemeFormatException($"{file}: entry '{PrintableText.Of(entry.FullName)}' inflates past its declared {length} bytes");
            if (length == entry.Length && Crc32(buffer) != entry.Crc32)
                throw new SchemeFormatException($"{file}: entry '{PrintableText.Of(entry.FullName)}' fails its CRC check (corrupted, or its sizes lie)");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or NotSupportedException)
        {
            throw new SchemeFormatException($"{file}: corrupted zip entry '{PrintableText.Of(entry.FullName)}' ({e.Message.ReplaceLineEndings(" ")})");
        }
        return buffer;
    }

    /// <summary>The first buffer of a read: the whole entry when it is at most this long.</summary>
    internal const int InitialBufferBytes = 1 << 20;

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        // Stryker disable once Bitwise : equivalent, see mutation/equivalent-mutants.md
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The zip (IEEE 802.3) CRC-32 of the bytes.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
}
