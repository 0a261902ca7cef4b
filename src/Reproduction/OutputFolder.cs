namespace StrassenRepro.Reproduction;

/// <summary>
/// A folder the program writes into (--out, the folder of merge's --into): created if missing and checked to
/// take files, so that what stops it is said in one line naming the real problem, not as an error of SQLite.
/// </summary>
public static class OutputFolder
{
    /// <summary>Kernel file systems that look like folders but hold no files of ours.</summary>
    private static readonly (string Root, string What)[] KernelFileSystems =
    [
        ("/proc", "the kernel's process file system"),
        ("/sys", "the kernel's device file system"),
    ];

    /// <summary>Creates the folder if needed and proves it takes a file; returns its full path.</summary>
    public static string Prepare(string dir)
    {
        var full = Path.GetFullPath(dir);
        if (File.Exists(full))
            throw new OutputFolderException($"{dir} is a file, not a folder: choose another output folder");
        if (FileInTheWay(full) is { } file)
            throw new OutputFolderException($"{dir} cannot be a folder: {file} is a file");
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".strassen-repro-write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"cannot write in the output folder {dir}: {Explain(full, e)}");
        }
        return full;
    }

    /// <summary>Why a folder does not take files, in words.</summary>
    public static string Explain(string fullPath, Exception e)
    {
        foreach (var (root, what) in KernelFileSystems)
            if (fullPath == root || fullPath.StartsWith(root + "/", StringComparison.Ordinal))
                return $"{root} is {what}, not a place for files";
        return e is UnauthorizedAccessException
            ? "permission denied (a read-only folder or file system, or another user's folder)"
            : e.Message;
    }

    /// <summary>The nearest existing ancestor of path when it is a file (no folder can be made below it).</summary>
    private static string? FileInTheWay(string path)
    {
        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return parent;
            if (Directory.Exists(parent)) return null;
        }
        return null;
    }
}
