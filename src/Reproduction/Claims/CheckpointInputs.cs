using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// The checkpoint files claim C7 judges, as given to `reproduce --checkpoints`: each path is a file (judged whatever
/// its name) or a folder (its files with a scheme extension, not recursing). The paper's own come as a folder plus a
/// file: upstream's checkpoints/ and src/training/weights.pt.
/// </summary>
public sealed record CheckpointInputs(IReadOnlyList<string> Paths)
{
    public static CheckpointInputs None { get; } = new([]);

    public bool Given => Paths.Count > 0;

    /// <summary>The files to judge, in the order given; a folder's files sorted by name; each file once.</summary>
    public IReadOnlyList<string> Files() => Paths
        .SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p)
                .Where(f => SchemeReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
            : File.Exists(p) ? [p] : [])
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>The given file with this name (the paper names its checkpoints), or null.</summary>
    public string? Named(string fileName) => Files().FirstOrDefault(f => Path.GetFileName(f) == fileName);

    /// <summary>The file's scheme, or null when it cannot be read as one (the report says so; nothing stops).</summary>
    public static Scheme? TryRead(string file)
    {
        try { return SchemeReader.Read(file).Scheme; }
        catch (SchemeFormatException) { return null; }
    }

    /// <summary>"DIR (folder), FILE": what was given, for the report.</summary>
    public string Describe() =>
        string.Join(", ", Paths.Select(p => Directory.Exists(p) ? $"{p} (folder)" : p));
}
