namespace StrassenRepro.Formats.Folders;

/// <summary>One entry of a folder walk: a scheme file, or a folder that could not be listed (Error set).</summary>
public sealed record FolderEntry(string Path, string? Error = null);

/// <summary>
/// The scheme files named by a list of files and folders, walked lazily in a fixed order: a named file as given, a
/// folder's entries sorted by name (ordinal), files and subfolders together, a subfolder's files where its name
/// sorts (only with recursive). Only the folder being listed is held, never the whole tree, so a catalogue of any
/// size costs the memory of its largest folder listing.
/// </summary>
public static class SchemeFolder
{
    /// <summary>The entries in walk order; a plinopt NAME_R.sms or NAME_P.sms beside its NAME_L.sms is left out (the
    /// triple is one scheme, read from NAME_L).</summary>
    public static IEnumerable<FolderEntry> Walk(IEnumerable<string> targets, bool recursive)
    {
        foreach (var target in targets)
        {
            if (!Directory.Exists(target))
            {
                yield return new FolderEntry(target);
                continue;
            }
            foreach (var entry in WalkFolder(target, recursive)) yield return entry;
        }
    }

    /// <summary>How many entries Walk gives (a second walk that keeps no names: the total of a progress line).</summary>
    public static int Count(IEnumerable<string> targets, bool recursive) => Walk(targets, recursive).Count();

    private static IEnumerable<FolderEntry> WalkFolder(string folder, bool recursive)
    {
        string[] names;
        try
        {
            names = Directory.GetFileSystemEntries(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed is one unreadable row, not the end of the walk.
            return [new FolderEntry(folder, $"{folder}: cannot list the folder ({e.Message})")];
        }
        Array.Sort(names, StringComparer.Ordinal);
        return Entries(names, recursive);
    }

    private static IEnumerable<FolderEntry> Entries(string[] names, bool recursive)
    {
        foreach (var name in names)
        {
            if (Directory.Exists(name))
            {
                if (!recursive) continue;
                foreach (var entry in WalkFolder(name, recursive)) yield return entry;
            }
            else if (IsSchemeFile(name)) yield return new FolderEntry(name);
        }
    }

    private static bool IsSchemeFile(string path) =>
        SchemeReader.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant()) && !IsSecondOfTriple(path);

    private static bool IsSecondOfTriple(string file) =>
        (file.EndsWith("_R.sms", StringComparison.Ordinal) || file.EndsWith("_P.sms", StringComparison.Ordinal)) &&
        File.Exists(file[..^6] + "_L.sms");
}
