using System.CommandLine;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Cli.Commands;

/// <summary>`verify FILE`: reads a scheme or checkpoint and prints its verification record.</summary>
public static class VerifyCommand
{
    /// <summary>More threads than this only reserve stacks: no machine verifies that many files at once.</summary>
    public const int MaxThreads = 1024;

    public static Command Create()
    {
        var file = new Argument<string[]>("file")
        {
            Description = "Schemes or checkpoints, or directories of them: .json (ours; integers exact at any size up to " +
                          $"{Fraction.MaxDigits} digits, at most {SchemeJson.MaxSlots:N0} slots), .npy / .npz (NumPy, " +
                          "AlphaTensor layout), .pt / .pth (torch.save); the field's catalogue JSON ({\"n\", \"m\", \"z2\", " +
                          "\"u\", \"v\", \"w\"}, detected by content; z2 checked over F2), plinopt .sms triples (any " +
                          "one of NAME_L/_R/_P.sms), flips .exp text (\"mod2\" in the name: over F2)",
            Arity = ArgumentArity.OneOrMore,
        };
        var key = new Option<string?>("--key")
        {
            Description = "Entry of an .npz archive, e.g. \"3,3,3\" (needed when it holds several); for a " +
                          "checkpoint, the group holding U, V, W. Refused unless a file given is an .npz or a " +
                          "checkpoint; of several files, it applies to those",
        };
        var layout = new Option<string?>("--layout")
        {
            Description = "Checkpoint layout of U, V, W, e.g. ffl-rrr (ours), lll-rrc (AlphaTensor's), or just the " +
                          "flattening rrc; default: detected. Refused unless a file given is a .pt / .pth " +
                          "checkpoint; of several files, it applies to those",
        };
        var ring = new Option<string?>("--ring") { Description = "Check the Brent equations over Z (exact integers) or F2 (mod 2); default: F2 for a file that declares itself mod 2, else Z" };
        ring.AcceptOnlyFromAmong("Z", "F2", "z", "f2");
        var rank = new Option<int?>("--rank") { Description = "Slots to keep by importance (default: 7 for 2x2x2 schemes of rank >= 7, else all)" };
        var sizes = new Option<string?>("--sizes")
        {
            Description = "Transfer sizes, comma-separated powers of n, each once (default 2..64 for 2x2); " +
                          $"every side of a transferred matrix at most {TransferTest.MaxSize}, " +
                          "at most 2^30 scalar products per size",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Brent residual of the un-rounded kept slots below which a failed rounding is 'continuous' " +
                          "(finite, >= 0)",
            DefaultValueFactory = _ => 1e-3,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON on stdout: one object for one file; for several files or a folder one document " +
                          "{\"rows\": [one per file], \"summary\", \"exitCode\", \"verdict\"}, a row per line",
        };
        var threads = CommonOptions.Threads("Files verified at once (0 = all cores); the rows keep the sorted file order");
        var recursive = new Option<bool>("--recursive") { Description = "Descend into the subfolders of a folder named" };
        var recover = VerifyRecovery.RecoverOption();
        var output = VerifyRecovery.OutOption();
        var command = new Command("verify", "Verify a matrix-multiplication scheme: sparsify, Q, exact Brent check, outcome, zero-shot transfer. " +
            "Several files or a folder: one row per file in sorted order, then a table by shape and ring (--json: one document " +
            "with a row per file, a bad file {path, error, exitCode: 2}, and a summary); exit code 2 if any file is bad " +
            "input, else 1 if any scheme is invalid, else 0")
        {
            file, key, layout, ring, rank, sizes, tolerance, json, threads, recursive, recover, output,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            // Option values first: a usage error is one line, before any file is read.
            var options = new VerificationOptions
            {
                Rank = OptionChecks.Positive(parse.GetValue(rank), "--rank"),
                Ring = parse.GetValue(ring)?.ToUpperInvariant() == "F2" ? Ring.F2 : Ring.Z,
                ContinuousTolerance = OptionChecks.Tolerance(parse.GetValue(tolerance), "--tolerance"),
            };
            var transferSizes = OptionChecks.TransferSizes(parse.GetValue(sizes));
            int threadCount = CommonOptions.ThreadsOf(parse, threads);
            if (threadCount > MaxThreads) throw new UsageException($"--threads {threadCount} is over {MaxThreads}");
            var targets = VerifyBatch.Targets(parse.GetValue(file)!, out bool batch);
            if (parse.GetValue(recursive) && !targets.Any(Directory.Exists))
                throw new UsageException("--recursive applies to folders, and none is named");
            var files = SchemeFolder.Walk(targets, parse.GetValue(recursive)).Select(e => e.Path);
            if (!files.Any()) throw new UsageException("no .json, .npy, .npz, .pt, .pth, .sms or .exp files to verify");
            if (batch && parse.GetValue(output) is not null) throw new UsageException("--out takes one input file");
            var outPath = OptionChecks.OutputFile(parse.GetValue(output), "--out");
            // Only --key and --layout need the file list as a whole; without them the walk stays lazy.
            if (parse.GetValue(key) is not null || parse.GetValue(layout) is not null)
                OptionChecks.ReaderOptions(files.ToList(), parse.GetValue(key), parse.GetValue(layout));
            var folder = new FolderVerificationOptions(targets)
            {
                Recursive = parse.GetValue(recursive),
                Threads = threadCount,
                Verify = path =>
                {
                    var verified = FileVerification.Verify(new FileVerificationRequest(path)
                    {
                        Key = SchemeReader.TakesKey(path) ? parse.GetValue(key) : null,
                        Layout = SchemeReader.TakesLayout(path) ? parse.GetValue(layout) : null,
                        Options = options,
                        TransferSizes = transferSizes,
                        Recover = parse.GetValue(recover),
                        RingFromFile = parse.GetValue(ring) is null,
                    });
                    VerifyRecovery.WriteOut(outPath, verified);
                    return verified.Report;
                },
            };
            return VerifyBatch.Run(folder, batch, parse.GetValue(json));
        }));
        return command;
    }
}
