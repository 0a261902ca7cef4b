using System.IO.Compression;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Formats;

/// <summary>
/// A torch.save zip checkpoint: &lt;archive&gt;/data.pkl (a protocol-2 pickle whose persistent ids name
/// storages), &lt;archive&gt;/data/&lt;key&gt; (raw storage bytes), &lt;archive&gt;/byteorder. Read with the restricted
/// unpickler; every storage is checked against its declared size and the total against a cap.
/// </summary>
public sealed class TorchCheckpoint
{
    private readonly Dictionary<string, byte[]> _storages;

    public object? Root { get; }
    public bool BigEndian { get; }
    public string Archive { get; }

    /// <summary>The file name the checkpoint was read as; it names the refusals of Materialize.</summary>
    public string FileName { get; }

    private TorchCheckpoint(object? root, bool bigEndian, string archive, string file, Dictionary<string, byte[]> storages)
    {
        Root = root;
        BigEndian = bigEndian;
        Archive = archive;
        FileName = file;
        _storages = storages;
    }

    public double[] Materialize(TorchTensor t) => t.Materialize(_storages[t.Storage.Key], BigEndian, FileName);

    public static bool LooksLikeZip(byte[] bytes) => ZipSafety.LooksLikeZip(bytes);

    public static TorchCheckpoint Read(byte[] bytes, string name, PickleLimits? limits = null)
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        return Read(new MemoryStream(bytes, writable: false), name, limits);
    }

    /// <summary>Reads from a seekable stream: the first bytes are checked before the archive is opened.</summary>
    public static TorchCheckpoint Read(Stream stream, string name, PickleLimits? limits = null)
    {
        limits ??= PickleLimits.Default;
        var head = StreamBytes.Peek(stream, 4);
        if (!ZipSafety.LooksLikeZip(head))
            throw new SchemeFormatException(head.Length > 0 && head[0] == 0x80
                ? $"{name}: legacy (pre-1.6, non-zip) torch.save format is not supported; re-save it with a current PyTorch"
                : $"{name}: not a PyTorch zip checkpoint");
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return ReadArchive(zip, name, limits);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or NotSupportedException)
        {
            throw new SchemeFormatException($"{name}: corrupted zip archive ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static TorchCheckpoint ReadArchive(ZipArchive zip, string name, PickleLimits limits)
    {
        if (zip.Entries.Count > NpzReader.MaxEntries) throw new SchemeFormatException($"{name}: more than {NpzReader.MaxEntries} zip entries");
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            ZipSafety.CheckName(e.FullName, name);
            if (!entries.TryAdd(e.FullName, e)) throw new SchemeFormatException($"{name}: duplicate zip entry '{PrintableText.Of(e.FullName)}'");
        }
        var pickles = entries.Keys.Where(k => k == "data.pkl" || (k.EndsWith("/data.pkl", StringComparison.Ordinal) && k.Count(c => c == '/') == 1)).ToList();
        if (pickles.Count == 0)
            throw new SchemeFormatException(entries.Keys.Any(k => k.EndsWith("constants.pkl", StringComparison.Ordinal))
                ? $"{name}: a TorchScript archive (torch.jit.save), not a torch.save checkpoint"
                : $"{name}: zip archive without data.pkl, not a torch.save checkpoint");
        if (pickles.Count > 1) throw new SchemeFormatException($"{name}: {pickles.Count} data.pkl entries");
        string prefix = pickles[0][..^"data.pkl".Length];

        bool bigEndian = false;
        if (entries.TryGetValue(prefix + "byteorder", out var order))
        {
            var text = System.Text.Encoding.ASCII.GetString(ZipSafety.ReadExactly(order, Math.Min(order.Length, 16), name)).Trim();
            bigEndian = text switch
            {
                "little" => false,
                "big" => true,
                _ => throw new SchemeFormatException($"{name}: byteorder says '{PrintableText.Of(text)}' (expected little or big)"),
            };
        }

        var pickleEntry = entries[pickles[0]];
        if (pickleEntry.Length > limits.MaxPickleBytes)
            throw new SchemeFormatException($"{name}: data.pkl declares {pickleEntry.Length} bytes, over the {limits.MaxPickleBytes} limit");
        var pickle = ZipSafety.ReadExactly(pickleEntry, pickleEntry.Length, name);
        long budget = limits.MaxTotalBytes - pickle.Length;
        var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var refs = new Dictionary<string, StorageRef>(StringComparer.Ordinal);

        object? Load(object? pid)
        {
            if (pid is not PyTuple { Count: 5 } t || t[0] is not "storage" || t[1] is not PyGlobal { Kind: AllowedGlobal.Storage, Storage: { } type }
                || t[2] is not string key || t[3] is not string || t[4] is not long numel)
                throw new SchemeFormatException($"{name}: persistent id is not ('storage', <storage type>, key, location, numel)");
            if (key.Length is 0 or > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new SchemeFormatException($"{name}: storage key '{PrintableText.Of(key)}' is not a plain name");
            if (numel < 0 || numel > limits.MaxElements)
                throw new SchemeFormatException($"{name}: storage '{key}' declares {numel} elements (limit {limits.MaxElements})");
            long bytes = numel * type.Size();
            if (refs.TryGetValue(key, out var known))
            {
                if (known.Numel * known.Type.Size() != bytes)
                    throw new SchemeFormatException($"{name}: storage '{key}' is referenced with two different sizes");
                return known with { Type = type, Numel = numel };
            }
            if (!entries.TryGetValue($"{prefix}data/{key}", out var entry))
                throw new SchemeFormatException($"{name}: storage '{key}' has no entry {prefix}data/{key}");
            if (entry.Length != bytes)
                throw new SchemeFormatException($"{name}: storage '{key}' declares {numel} x {type.Size()} bytes, but its entry holds {entry.Length}");
            if ((budget -= bytes) < 0)
                throw new SchemeFormatException($"{name}: storages exceed the {limits.MaxTotalBytes}-byte allocation cap");
            storages[key] = ZipSafety.ReadExactly(entry, bytes, name);
            return refs[key] = new StorageRef(key, type, numel);
        }

        var root = Unpickler.Load(pickle, name, Load, limits);
        return new TorchCheckpoint(root, bigEndian, prefix.TrimEnd('/'), name, storages);
    }
}
