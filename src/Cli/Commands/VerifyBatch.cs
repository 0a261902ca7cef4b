using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Cli.Commands;

/// <summary>
/// `verify` on several files or folders: FolderVerification streams one row per file in walk order, a bad file is a
/// row with its one-line error, and a closing table counts them by shape and ring. The exit code is the worst row's:
/// 2 if any file is bad input, else 1 if any scheme is invalid, else 0; the last line says the same. One file keeps
/// the single-object contract: with --json a bad one is its error row on stdout (and the one line on stderr),
/// without it the one line alone.
/// </summary>
public static class VerifyBatch
{
    /// <summary>A file that could not be read: the JSON row in place of its verification record.</summary>
    public sealed record FailedRow(string Path, string Error, int ExitCode);

    /// <summary>The summary closing the --json document: counts, the table and the verdict of the last line.</summary>
    public sealed record Summary(int Files, int Valid, int NotValid, int Unreadable,
        IReadOnlyList<FolderTallyLine> ByShapeAndRing);

    private static readonly JsonSerializerOptions RowJson = new(Output.Json) { WriteIndented = false };

    /// <summary>The targets, with anything that looks like an option refused; batch when a folder or several are named.</summary>
    public static List<string> Targets(IEnumerable<string> targets, out bool batch)
    {
        var list = targets.ToList();
        // A list argument swallows unknown options; keep them usage errors.
        if (list.FirstOrDefault(t => t.StartsWith('-') && !File.Exists(t) && !Directory.Exists(t)) is { } option)
            throw new UsageException($"unrecognized option '{option}' (see --help)");
        batch = list.Count > 1 || list.Any(Directory.Exists);
        return list;
    }

    /// <summary>The scheme files named: folders expand to their scheme files (top level, sorted by name).</summary>
    public static List<string> Expand(IEnumerable<string> targets, out bool batch) =>
        SchemeFolder.Walk(Targets(targets, out batch), recursive: false).Select(e => e.Path).ToList();

    public static int Run(FolderVerificationOptions options, bool batch, bool json)
    {
        if (!batch) return RunOne(options.Targets[0], json, options.Verify);
        int total = SchemeFolder.Count(options.Targets, options.Recursive);
        var tally = new FolderTally();
        var progress = new BatchProgress(total);
        if (json) Console.Out.WriteLine("{\"rows\": [");
        else Console.Out.WriteLine(BatchText.Header);
        foreach (var row in FolderVerification.Rows(options))
        {
            if (row.Error is not null)
            {
                progress.Clear();
                Output.Error(row.Error);
            }
            tally.Add(row);
            if (json) Console.Out.WriteLine((tally.Files > 1 ? "," : "") + JsonSerializer.Serialize(RowOf(row), RowOf(row).GetType(), RowJson));
            else Console.Out.WriteLine(BatchText.Row(row));
            progress.Report(tally.Files);
        }
        progress.Clear();
        int exit = (int)tally.Worst;
        if (json) WriteSummary(tally, exit);
        else BatchText.PrintTable(tally);
        return exit;
    }

    private static object RowOf(FolderRow row) => row.Report ?? (object)new FailedRow(row.Path, row.Error!, ExitCodes.BadInput);

    /// <summary>The end of the one document: the summary, the exit code and the verdict, as the last line gives it.</summary>
    private static void WriteSummary(FolderTally tally, int exit)
    {
        var summary = new Summary(tally.Files, tally.Valid, tally.NotValid, tally.Unreadable, tally.Lines());
        Console.Out.WriteLine("],");
        Console.Out.WriteLine($"\"summary\": {JsonSerializer.Serialize(summary, RowJson)},");
        Console.Out.WriteLine($"\"exitCode\": {exit},");
        Console.Out.WriteLine($"\"verdict\": {JsonSerializer.Serialize(tally.Verdict, RowJson)}");
        Console.Out.WriteLine("}");
    }

    /// <summary>
    /// One file: its record; if it cannot be read, with --json its error row (the one JSON object) and the
    /// one-line error, else the one-line error alone.
    /// </summary>
    private static int RunOne(string file, bool json, Func<string, VerificationReport> verify)
    {
        var row = FolderRow.Of(0, new FolderEntry(file), verify);
        if (row.Report is not { } report)
        {
            Output.Error(row.Error!);
            if (json) Output.WriteJson(new FailedRow(file, row.Error!, ExitCodes.BadInput));
            return ExitCodes.BadInput;
        }
        if (json) Output.WriteJson(report);
        else VerificationText.Print(report);
        return (int)row.Status;
    }
}
