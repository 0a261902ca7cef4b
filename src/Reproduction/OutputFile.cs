namespace StrassenRepro.Reproduction;

/// <summary>
/// A file the program is about to write (verify --out, export --onnx, export-runs --jsonl), checked before any
/// work so that what would stop the write is said in one line naming the problem. Its folder must exist (it is
/// not made: a mistyped folder should not appear silently) and take a new file; a file that exists (a regular
/// file, or /dev/stdout) is left to the write itself.
/// </summary>
public static class OutputFile
{
    /// <summary>Returns the full path; throws OutputFileException with the reason otherwise.</summary>
    public static string Check(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new OutputFileException($"{path} is a folder, not a file");
        if (File.Exists(full)) return full;
        var folder = Path.GetDirectoryName(full)!;
        var named = Path.GetDirectoryName(path) is { Length: > 0 } given ? given : folder;
        if (File.Exists(folder)) throw new OutputFileException($"{named} is a file, not a folder");
        if (!Directory.Exists(folder)) throw new OutputFileException($"folder {named} does not exist");
        try
        {
            var probe = Path.Combine(folder, $".strassen-repro-write-test-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException($"cannot write in folder {named}: {OutputFolder.Explain(full, e)}");
        }
        return full;
    }
}
