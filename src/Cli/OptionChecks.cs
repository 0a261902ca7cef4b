using System.Globalization;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction;

namespace StrassenRepro.Cli;

/// <summary>
/// Option values checked before any work starts, so a value that cannot mean anything is a usage error.
/// </summary>
public static class OptionChecks
{
    /// <summary>A list option given but empty ("" or ",") would silently mean "the default": refuse it.</summary>
    public static string? NonEmptyList(string? value, string option)
    {
        if (value is not null && Items(value).Length == 0)
            throw new UsageException($"{option} is empty; name at least one value or leave the option out");
        return value;
    }

    /// <summary>--claims of reproduce and report: given, it names at least one claim.</summary>
    public static string? Claims(string? value) => NonEmptyList(value, "--claims");

    private static string[] Items(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A Brent-residual tolerance: finite and not negative (NaN would make every comparison false).</summary>
    public static double Tolerance(double value, string option) =>
        double.IsFinite(value) && value >= 0 ? value
            : throw new UsageException($"{option} must be a finite number >= 0, not {value}");

    /// <summary>A count that must be positive when given.</summary>
    public static int? Positive(int? value, string option) =>
        value is < 1 ? throw new UsageException($"{option} must be at least 1") : value;

    /// <summary>
    /// --key and --layout given where they mean nothing are refused, not ignored: --layout only for .pt / .pth
    /// checkpoints, --key for .npz archives and checkpoints. Of several files, at least one must take it (it
    /// applies to those).
    /// </summary>
    public static void ReaderOptions(IReadOnlyList<string> files, string? key, string? layout)
    {
        string which = files.Count == 1
            ? $"not to {Path.GetFileName(files[0])}"
            : $"and none of the {files.Count} files is one";
        if (layout is not null && !files.Any(SchemeReader.TakesLayout))
            throw new UsageException($"--layout applies only to .pt / .pth checkpoints, {which}");
        if (key is not null && !files.Any(SchemeReader.TakesKey))
            throw new UsageException($"--key applies only to .npz archives and .pt / .pth checkpoints, {which}");
    }

    /// <summary>A file the command will write (--out, --onnx, --jsonl): its folder exists and takes a file.</summary>
    public static string? OutputFile(string? path, string option)
    {
        if (path is null) return null;
        try
        {
            Reproduction.OutputFile.Check(path);
        }
        catch (OutputFileException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
        return path;
    }

    /// <summary>Transfer sizes 1..TransferTest.MaxSize, each once; null when the option is absent.</summary>
    public static int[]? TransferSizes(string? text)
    {
        if (NonEmptyList(text, "--sizes") is not { } list) return null;
        var sizes = new List<int>();
        foreach (var part in Items(list))
        {
            bool number = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size);
            if (!number || size < 1 || size > TransferTest.MaxSize)
                throw new UsageException($"--sizes: '{part}' is not a size in 1..{TransferTest.MaxSize}");
            if (sizes.Contains(size)) throw new UsageException($"--sizes: {size} is given twice");
            sizes.Add(size);
        }
        return [.. sizes];
    }
}
