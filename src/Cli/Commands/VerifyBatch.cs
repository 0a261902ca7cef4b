using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Cli.Commands;

/// <summary>
/// `verify` on several files or a directory: one row per file, a bad file is a row with its one-line error
/// (exit code 2 for that file), whatever failed in it. The overall exit code is the worst row's: 2 if any file is
/// bad input, else 1 if any scheme is invalid, else 0. One file keeps the single-object contract: with --json a bad
/// one is its error row on stdout (and the one line on stderr), without it the one line alone.
/// </summary>
public static class VerifyBatch
{
    /// <summary>A file that could not be read: the JSON row in place of its verification record.</summary>
    public sealed record FailedRow(string Path, string Error, int ExitCode)
    {
        public static FailedRow Of(string path, Exception e) =>
            new(path, Describe(e).ReplaceLineEndings(" "), ExitCodes.BadInput);
    }

    /// <summary>The failures the readers give for bad input: their message alone says what is wrong.</summary>
    private static bool IsBadFile(Exception e) =>
        e is SchemeFormatException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// One file's failure in one line. Any other exception (a reader's gap, say) still fails only its own file,
    /// so the rows of the others are kept; its type is named, as it is no message written for the user.
    /// </summary>
    private static string Describe(Exception e) => IsBadFile(e) ? e.Message : $"{e.GetType().Name}: {e.Message}";

    /// <summary>The files named: directories expand to their scheme files (top level, sorted by name).</summary>
    public static List<string> Expand(IEnumerable<string> targets, out bool batch)
    {
        var files = new List<string>();
        int count = 0;
        batch = false;
        foreach (var t in targets)
        {
            count++;
            // A list argument swallows unknown options; keep them usage errors.
            if (t.StartsWith('-') && !File.Exists(t) && !Directory.Exists(t))
                throw new UsageException($"unrecognized option '{t}' (see --help)");
            if (Directory.Exists(t))
            {
                batch = true;
                files.AddRange(Directory.EnumerateFiles(t)
                    .Where(f => SchemeReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Where(f => !IsSecondOfTriple(f))
                    .Order(StringComparer.Ordinal));
            }
            else files.Add(t);
        }
        batch |= count > 1;
        return files;
    }

    /// <summary>A plinopt NAME_R.sms or NAME_P.sms beside its NAME_L.sms: the triple is one scheme, one row.</summary>
    private static bool IsSecondOfTriple(string file) =>
        (file.EndsWith("_R.sms", StringComparison.Ordinal) || file.EndsWith("_P.sms", StringComparison.Ordinal)) &&
        File.Exists(file[..^6] + "_L.sms");

    public static int Run(IReadOnlyList<string> files, bool batch, bool json, Func<string, VerificationReport> verify)
    {
        if (!batch) return RunOne(files[0], json, verify);
        var rows = new List<object>();
        int exit = ExitCodes.Success;
        if (!json) Console.Out.WriteLine("file\tformat\tlayout\tshape\tslots\tkept\tdelta\tmaxResidual\toutcome\tS\tstrassen\tafterRecovery\tverdict");
        foreach (var file in files)
        {
            try
            {
                var report = verify(file);
                rows.Add(report);
                exit = Math.Max(exit, ExitOf(report));
                if (!json) PrintRow(report);
            }
            catch (Exception e)
            {
                var row = FailedRow.Of(file, e);
                Output.Error(row.Error);
                rows.Add(row);
                exit = ExitCodes.BadInput;
                if (!json) Console.Out.WriteLine($"{file}\tERROR\t{row.Error}");
            }
        }
        if (json) Output.WriteJson(rows);
        return exit;
    }

    /// <summary>
    /// One file: its record; if it cannot be read, with --json its error row (the one JSON object) and the
    /// one-line error, else the one-line error alone.
    /// </summary>
    private static int RunOne(string file, bool json, Func<string, VerificationReport> verify)
    {
        VerificationReport report;
        try
        {
            report = verify(file);
        }
        catch (Exception e)
        {
            var row = FailedRow.Of(file, e);
            Output.Error(row.Error);
            if (json) Output.WriteJson(row);
            return ExitCodes.BadInput;
        }
        if (json) Output.WriteJson(report);
        else VerificationText.Print(report);
        return ExitOf(report);
    }

    private static int ExitOf(VerificationReport r) => r.Obtained ? ExitCodes.Success : ExitCodes.VerifiedFailure;

    private static void PrintRow(VerificationReport r) =>
        Console.Out.WriteLine(string.Join('\t',
            r.Path + (r.Key is null ? "" : $"[{r.Key}]"), r.Format, r.Layout ?? "-", $"<{string.Join(",", r.Shape)}>", r.Slots, r.KeptSlots,
            Output.Sci(r.Delta), Output.Sci(r.BrentMaxResidual), r.Outcome.ToWire(), r.STheta, r.CanonicalStrassen ? "yes" : "no",
            r.OutcomeAfterRecovery?.ToWire() ?? "-", r.Verdict));
}
