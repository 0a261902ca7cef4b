using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Formats;

/// <summary>Reads the arrays of a NumPy .npz archive (a zip of .npy files), with limits against zip bombs.</summary>
public static class NpzReader
{
    public const long MaxEntryBytes = 256L * 1024 * 1024;
    public const int MaxEntries = 10_000;

    /// <summary>The keys (entry names without ".npy") of the archive.</summary>
    public static IReadOnlyList<string> Keys(byte[] bytes, string name)
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        using var zip = Open(new MemoryStream(bytes, writable: false), name);
        return Keys(zip);
    }

    public static IReadOnlyList<string> Keys(ZipArchive zip) => zip.Entries.Select(e => KeyOf(e.FullName)).ToList();

    public static NpyArray ReadEntry(byte[] bytes, string key, string name)
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        using var zip = Open(new MemoryStream(bytes, writable: false), name);
        return ReadEntry(zip, key, name);
    }

    public static NpyArray ReadEntry(ZipArchive zip, string key, string name)
    {
        var entry = zip.Entries.FirstOrDefault(e => KeyOf(e.FullName) == key || e.FullName == key);
        if (entry is null)
        {
            var keys = zip.Entries.Select(e => KeyOf(e.FullName)).Take(12);
            throw new SchemeFormatException($"{name}: no entry '{key}' (entries: {string.Join(" ", keys)}{(zip.Entries.Count > 12 ? " ..." : "")})");
        }
        return NpyReader.Read(ReadBounded(entry, name), $"{name}[{key}]");
    }

    private static string KeyOf(string entryName) =>
        entryName.EndsWith(".npy", StringComparison.Ordinal) ? entryName[..^4] : entryName;

    /// <summary>
    /// Two entries a key could name ('x.npy' twice, or 'x' beside 'x.npy'): NumPy reads the last, this reader
    /// read the first, so the archive is refused rather than one of them guessed. A key names an entry by its
    /// full name or by that name without ".npy".
    /// </summary>
    private static string? Ambiguity(ZipArchive zip)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
            foreach (var key in new[] { e.FullName, KeyOf(e.FullName) }.Distinct())
                if (!claimed.TryAdd(key, e.FullName))
                    return claimed[key] == e.FullName
                        ? $"the entry '{PrintableText.Of(key)}' appears twice"
                        : $"the entries '{PrintableText.Of(claimed[key])}' and '{PrintableText.Of(e.FullName)}' " +
                          $"both answer to the key '{PrintableText.Of(key)}'";
        return null;
    }

    /// <summary>Opens the archive of a seekable stream (left open), after checking its first bytes.</summary>
    public static ZipArchive Open(Stream stream, string name)
    {
        if (!ZipSafety.LooksLikeZip(StreamBytes.Peek(stream, 4)))
            throw new SchemeFormatException($"{name}: not a .npz (zip) archive (bad magic)");
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) throw new SchemeFormatException($"{name}: more than {MaxEntries} entries");
            foreach (var e in zip.Entries) ZipSafety.CheckName(e.FullName, name);
            if (Ambiguity(zip) is { } clash) throw new SchemeFormatException($"{name}: ambiguous archive: {clash}");
            return zip;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or NotSupportedException)
        {
            throw new SchemeFormatException($"{name}: not a valid .npz (zip) archive: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>The entry's bytes: refused if it declares more than MaxEntryBytes, then read by ZipSafety.ReadExactly,
    /// which refuses an entry that inflates to more or fewer bytes than it declares or fails its CRC.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, string name)
    {
        if (entry.Length > MaxEntryBytes)
            throw new SchemeFormatException($"{name}: entry '{PrintableText.Of(entry.FullName)}' declares {entry.Length} bytes, over the {MaxEntryBytes} limit");
        return ZipSafety.ReadExactly(entry, entry.Length, name);
    }
}
