using System.CommandLine;

namespace StrassenRepro.Cli;

/// <summary>
/// The options several commands share (--batch-size, --threads, --json), defined once with the check of their values,
/// so that a value means and is refused the same way everywhere. --engine and --device: EngineOptions.
/// </summary>
public static class CommonOptions
{
    public const int MaxBatchSize = 65536;

    public static Option<int> BatchSize(string description, int? defaultValue = null)
    {
        var option = new Option<int>("--batch-size") { Description = description };
        if (defaultValue is int value) option.DefaultValueFactory = _ => value;
        else option.Required = true;
        return option;
    }

    public static Option<int> Threads(string description = "CPU threads (0 = all cores)") =>
        new("--threads") { Description = description, DefaultValueFactory = _ => 0 };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout" };

    /// <summary>The value of --batch-size, in 1..MaxBatchSize.</summary>
    public static int BatchSizeOf(ParseResult parse, Option<int> option)
    {
        int b = parse.GetValue(option);
        return b is >= 1 and <= MaxBatchSize ? b : throw new UsageException($"--batch-size {b} is not in 1..{MaxBatchSize}");
    }

    /// <summary>The value of --threads: 0 (all cores) or more.</summary>
    public static int ThreadsOf(ParseResult parse, Option<int> option)
    {
        int t = parse.GetValue(option);
        return t >= 0 ? t : throw new UsageException($"--threads {t} must be >= 0");
    }
}
