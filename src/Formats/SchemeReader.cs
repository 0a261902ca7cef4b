using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Formats;

/// <summary>Reads a scheme from a file, choosing the reader by extension.</summary>
public static class SchemeReader
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The extensions a scheme file may have.</summary>
    public static readonly string[] Extensions = [".json", ".npy", ".npz", ".pt", ".pth", ".sms", ".exp"];

    private const string Expected = "expected .json, .npy, .npz, .pt, .pth, .sms, .exp";

    /// <summary>Whether the reader of this file takes a key: an .npz entry, or a checkpoint's group.</summary>
    public static bool TakesKey(string path) => Path.GetExtension(path).ToLowerInvariant() is ".npz" or ".pt" or ".pth";

    /// <summary>Whether the reader of this file takes a layout: only checkpoints leave it open.</summary>
    public static bool TakesLayout(string path) => Path.GetExtension(path).ToLowerInvariant() is ".pt" or ".pth";

    /// <param name="key">An .npz entry, or for a checkpoint the group holding U, V, W (e.g. "model_state_dict").</param>
    /// <param name="layout">Forces a FactorLayout for checkpoints (e.g. "ffl-rrr" or "rrc"); null = detect.</param>
    /// <param name="options">The verification the layout detection scores candidates with (rank, ring).</param>
    public static SchemeSource Read(string path, string? key = null, string? layout = null, VerificationOptions? options = null)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string name = Path.GetFileName(path);
        if (!Extensions.Contains(ext))
            throw new SchemeFormatException($"{name}: unknown file type '{ext}' ({Expected})");
        try
        {
            // A plinopt scheme is three files: the reader opens each of them.
            if (ext == ".sms") return PlinoptSms.Read(path, sibling => OpenBounded(sibling, Path.GetFileName(sibling)));
            using var stream = OpenBounded(path, name);
            return Read(stream, path, key, layout, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchemeFormatException($"{name}: cannot read ({e.Message})");
        }
    }

    /// <summary>Reads from bytes already in memory; the extension of `path` chooses the reader.</summary>
    public static SchemeSource Read(byte[] bytes, string path, string? key = null, string? layout = null, VerificationOptions? options = null)
    {
        // Stryker disable once Boolean : equivalent, see mutation/equivalent-mutants.md
        return Read(new MemoryStream(bytes, writable: false), path, key, layout, options);
    }

    /// <summary>
    /// Reads from a seekable stream; the extension of `path` chooses the reader. Each reader checks its
    /// format's first bytes before anything else and then reads only what it needs.
    /// </summary>
    public static SchemeSource Read(Stream stream, string path, string? key = null, string? layout = null,
        VerificationOptions? options = null)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        string name = Path.GetFileName(path);
        switch (ext)
        {
            case ".json":
                var json = SchemeJson.Read(stream, name);
                return new SchemeSource(json.Scheme, path, json.Format, null, json.Metadata,
                    json.Format == CatalogueJson.FormatName ? "uvw-ct" : "ffl-rrr", "declared", json.Exact, json.Ring);
            case ".exp":
                return FlipsExp.Read(stream, path);
            case ".sms":
                throw new SchemeFormatException($"{name}: a plinopt .sms scheme is read from its three files on disk");
            case ".npy":
                var npy = AlphaTensorLayout.ToScheme(NpyReader.Read(stream, name), name);
                return new SchemeSource(npy, path, "npy", null, null, AlphaTensorLayout.LayoutName, "declared");
            case ".npz":
                return ReadNpz(stream, path, name, key);
            case ".pt" or ".pth":
                return ReadCheckpoint(stream, path, name, key, layout, options ?? VerificationOptions.Default);
            default:
                throw new SchemeFormatException($"{name}: unknown file type '{ext}' ({Expected})");
        }
    }

    private static SchemeSource ReadCheckpoint(Stream stream, string path, string name, string? key, string? layout,
        VerificationOptions options)
    {
        var checkpoint = TorchCheckpoint.Read(stream, name);
        var found = CheckpointFactors.Find(checkpoint.Root, key, PickleLimits.Default, name);
        var choice = LayoutChooser.Choose(
            ToMatrix(checkpoint, found.U, "U", name), ToMatrix(checkpoint, found.V, "V", name), ToMatrix(checkpoint, found.W, "W", name),
            options, layout, name);
        return new SchemeSource(choice.Scheme, path, "pt", found.Group.Length == 0 ? null : found.Group, null, choice.Layout.Name, choice.How);
    }

    private static Matrix ToMatrix(TorchCheckpoint checkpoint, object value, string role, string name)
    {
        (int[] shape, double[] data) = value switch
        {
            TorchTensor t => (t.Size.Select(d => (int)d).ToArray(), checkpoint.Materialize(t)),
            NumpyArrayValue a => (a.Shape, NumpyArrays.ToNpy(a, name).Data),
            _ => throw new SchemeFormatException($"{name}: {role} is not a tensor"),
        };
        if (shape.Length != 2) throw new SchemeFormatException($"{name}: {role} has shape ({string.Join(", ", shape)}), expected a matrix");
        return new Matrix(shape[0], shape[1], data);
    }

    private static SchemeSource ReadNpz(Stream stream, string path, string name, string? key)
    {
        using var zip = NpzReader.Open(stream, name);
        var keys = NpzReader.Keys(zip);
        if (key is null)
        {
            if (keys.Count != 1)
                throw new SchemeFormatException(
                    $"{name}: holds {keys.Count} entries; choose one with --key (entries: {string.Join(" ", keys.Take(12))}{(keys.Count > 12 ? " ..." : "")})");
            key = keys[0];
        }
        var array = NpzReader.ReadEntry(zip, key, name);
        return new SchemeSource(AlphaTensorLayout.ToScheme(array, $"{name}[{key}]", key), path, "npz", key, null, AlphaTensorLayout.LayoutName, "declared");
    }

    /// <summary>
    /// The file, opened; refused before opening if it is no regular file (a FIFO would block) or larger than
    /// `maxBytes` (a parameter so tests reach it).
    /// </summary>
    internal static FileStream OpenBounded(string path, string name, long maxBytes = MaxFileBytes)
    {
        InputFile.RequireRegular(path, name);
        var info = new FileInfo(path);
        if (!info.Exists) throw new SchemeFormatException($"{path}: no such file");
        if (info.Length > maxBytes)
            throw new SchemeFormatException($"{name}: {info.Length} bytes is over the {maxBytes}-byte limit");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }
}
