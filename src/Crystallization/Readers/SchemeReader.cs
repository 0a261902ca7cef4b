namespace StrassenRepro.Crystallization.Readers;

/// <summary>Reads a scheme from a file, choosing the reader by extension.</summary>
public static class SchemeReader
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static SchemeSource Read(string path, string? key = null)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string name = Path.GetFileName(path);
        if (ext is ".pt" or ".pth")
            throw new SchemeFormatException($"{name}: PyTorch checkpoints are not supported yet");
        if (ext is not (".json" or ".npy" or ".npz"))
            throw new SchemeFormatException($"{name}: unknown file type '{ext}' (expected .json, .npy, .npz)");
        var bytes = ReadAllBytes(path, name);
        switch (ext)
        {
            case ".json":
                var (scheme, metadata) = SchemeJson.Read(bytes, name);
                return new SchemeSource(scheme, path, "json", null, metadata);
            case ".npy":
                return new SchemeSource(AlphaTensorLayout.ToScheme(NpyReader.Read(bytes, name), name), path, "npy", null, null);
            default:
                return ReadNpz(bytes, path, name, key);
        }
    }

    private static SchemeSource ReadNpz(byte[] bytes, string path, string name, string? key)
    {
        var keys = NpzReader.Keys(bytes, name);
        if (key is null)
        {
            if (keys.Count != 1)
                throw new SchemeFormatException(
                    $"{name}: holds {keys.Count} entries; choose one with --key (entries: {string.Join(" ", keys.Take(12))}{(keys.Count > 12 ? " ..." : "")})");
            key = keys[0];
        }
        var array = NpzReader.ReadEntry(bytes, key, name);
        return new SchemeSource(AlphaTensorLayout.ToScheme(array, $"{name}[{key}]"), path, "npz", key, null);
    }

    private static byte[] ReadAllBytes(string path, string name)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new SchemeFormatException($"{path}: no such file");
            if (info.Length > MaxFileBytes) throw new SchemeFormatException($"{name}: {info.Length} bytes is over the {MaxFileBytes}-byte limit");
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new SchemeFormatException($"{name}: cannot read ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SchemeFormatException($"{name}: cannot read ({e.Message})");
        }
    }
}
