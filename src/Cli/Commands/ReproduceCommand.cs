using System.CommandLine;
using StrassenRepro.Model;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Store;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Cli.Commands;

/// <summary>`reproduce`, `report` and `merge`: the claims as a sweep, a store and a report.</summary>
public static class ReproduceCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "quick (minutes on 2 cores), study (sized to decide every claim: 500 seeds per batch size, "
                + "9,385 runs, the published results/study/), paper (the paper's designs), gpu (the paper's designs with "
                + "10,000 seeds per batch size, for --engine gpu) or smoke (seconds: checks the mechanics, its verdicts "
                + "mean nothing). Every preset trains under these protocols, each with the upstream script it follows: "
                + ProtocolSources.Listing(),
            DefaultValueFactory = _ => "quick",
        };
        preset.AcceptOnlyFromAmong([.. StudyPreset.Names]);
        var claims = new Option<string?>("--claims") { Description = "Claims to run, e.g. C1,C4 (default: all that are implemented)" };
        var output = new Option<string>("--out") { Description = "Folder for the run store (runs.db) and the report", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var shard = new Option<string>("--shard") { Description = "Run the k-th of n deterministic parts of the plan, k/n (merge the shards' runs.db with `merge`)", DefaultValueFactory = _ => "1/1" };
        var resume = new Option<bool>("--resume") { Description = "Continue a sweep in --out: skip the runs already stored" };
        var threads = CommonOptions.Threads("CPU threads for training (0 = all cores); results do not depend on it");
        var json = new Option<bool>("--json") { Description = "Print the summary (one JSON object) on stdout" };
        var checkpoints = CheckpointsOption();
        var engine = new EngineOptions();
        var command = new Command("reproduce",
            "Run the claims: train the runs they need (stored as they finish), evaluate each claim, write the report. "
            + "Exit code 0: every claim reproduced, or the report is partial (--shard) or smoke (no finding claimed); "
            + "1: a whole report in which a claim did not reproduce or is inconclusive; 2: bad input, or --out in use "
            + "by another process; 130 / 143: stopped by SIGINT / SIGTERM (the stored runs are kept: continue with "
            + "--resume)")
        {
            preset, claims, output, shard, resume, threads, json, checkpoints, engine.Engine, engine.Device,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var options = new ReproduceOptions
            {
                Preset = StudyPreset.ByName(parse.GetValue(preset)!),
                Claims = Usage(() => ClaimCatalog.Select(OptionChecks.Claims(parse.GetValue(claims)))),
                OutDir = parse.GetValue(output)!,
                Shard = Usage(() => Shard.Parse(parse.GetValue(shard)!)),
                Resume = parse.GetValue(resume),
                Threads = CommonOptions.ThreadsOf(parse, threads),
                Checkpoints = Existing(parse.GetValue(checkpoints)),
                Engine = engine.Parse(parse),
            };
            using var stop = StopSignals.Listen();
            try
            {
                var results = Usage(() => SweepProgressView.Show(p => Reproducer.Run(options, p, stop.Token)));
                return Finish(results, Reproducer.NotEvaluated(options.Claims), options.OutDir, parse.GetValue(json));
            }
            catch (SweepInterruptedException e)
            {
                var resume = ResumeHint(parse, preset, claims, output, shard, threads, checkpoints, engine);
                return Stopped(e, stop, resume, parse.GetValue(json));
            }
        }));
        return command;
    }

    public static Command CreateReport()
    {
        var db = new Option<string>("--db") { Description = "Run store written by reproduce (runs.db)", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for the report", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var claims = new Option<string?>("--claims") { Description = "Claims to evaluate (default: all that are implemented)" };
        var json = new Option<bool>("--json") { Description = "Print the summary (one JSON object) on stdout" };
        var checkpoints = CheckpointsOption();
        var command = new Command("report", "Rebuild the report from stored runs (no training)") { db, output, claims, json, checkpoints };
        command.SetAction(parse => Guarded.Run(() =>
        {
            string path = parse.GetValue(db)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such run store");
            var selected = Usage(() => ClaimCatalog.Select(OptionChecks.Claims(parse.GetValue(claims))));
            using var store = Store(() => RunStore.Open(path));
            var preset = Usage(() => Reproducer.PresetOf(store));
            var given = Existing(parse.GetValue(checkpoints));
            var outDir = parse.GetValue(output)!;
            var results = Usage(() => Reproducer.WriteReport(store, preset, selected, outDir, given));
            return Finish(results, Reproducer.NotEvaluated(selected), outDir, parse.GetValue(json));
        }));
        return command;
    }

    public static Command CreateMerge()
    {
        var into = new Option<string>("--into") { Description = "Run store to merge into (created if missing)", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "Shard run stores (runs.db of each --shard k/n)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge",
            "Join shard run stores into one, all or nothing (runs are keyed by configuration hash: no duplicates)")
        {
            into, shards,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var merge = Store(() => StoreMerge.Into(parse.GetValue(into)!, parse.GetValue(shards)!));
            foreach (var shard in merge.Shards)
                Console.Error.WriteLine($"strassen-repro: {shard.Path}: {shard.NewRuns} new runs");
            Console.Error.WriteLine($"strassen-repro: {merge.Target} holds {merge.StoredRuns} runs");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateExportRuns()
    {
        var db = new Option<string>("--db") { Description = "Run store (runs.db)", Required = true };
        var jsonl = new Option<string>("--jsonl")
        {
            Description = "Output file: one JSON object per stored run (its folder must exist)",
            Required = true,
        };
        var command = new Command("export-runs", "Export stored runs as JSON Lines (configuration, verification, curves, kappa, provenance)") { db, jsonl };
        command.SetAction(parse => Guarded.Run(() =>
        {
            string path = parse.GetValue(db)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such run store");
            OptionChecks.OutputFile(parse.GetValue(jsonl), "--jsonl");
            int count = Store(() => RunsJsonl.Export(path, parse.GetValue(jsonl)!));
            Console.Error.WriteLine($"strassen-repro: {count} runs written to {parse.GetValue(jsonl)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Exit code 1 only for a finding: a whole report in which a claim did not reproduce or is inconclusive.
    /// A partial or smoke report claims no finding and exits 0. The last line says which, with the code.
    /// </summary>
    private static int Finish(EvaluatedReport report, IReadOnlyList<string> notEvaluated, string outDir, bool json)
    {
        var scope = report.Scope;
        int exitCode = scope.FindsFailure(report.Claims) ? ExitCodes.VerifiedFailure : ExitCodes.Success;
        string verdicts = scope.ClaimsFindings ? $"verdicts: {report.VerdictCounts()}" : scope.Describe();
        string conclusion = $"{verdicts}; exit {exitCode}";
        if (json)
            Output.WriteJson(new
            {
                report = Path.Combine(outDir, "report.md"),
                scope.Preset,
                scope = scope.ToWire(),
                partial = scope.IsPartial,
                scope.PlannedRuns,
                scope.StoredRuns,
                claims = SummaryTable.Rows(report.Claims, scope),
                findings = report.Findings is { } f ? FindingsBox.Lines(f) : null,
                notEvaluated,
                conclusion,
                exitCode,
            });
        else
        {
            foreach (var line in ReportText.Lines(report)) Console.Out.WriteLine(line);
            if (notEvaluated.Count > 0) Console.Out.WriteLine($"\nNot evaluated in this run (--claims): {string.Join(", ", notEvaluated)}");
            Console.Out.WriteLine($"\nReport (full tables, rules, evidence): {Path.Combine(outDir, "report.md")} and index.html");
            Console.Out.WriteLine(conclusion);
        }
        return exitCode;
    }

    /// <summary>A sweep stopped by a signal: where it got, how to go on, and 128 + the signal's number.</summary>
    private static int Stopped(SweepInterruptedException e, StopSignals stop, string resume, bool json)
    {
        string signal = stop.Received.ToString();
        if (json)
            Output.WriteJson(new
            {
                stopped = signal,
                e.StoredRuns,
                e.PlannedRuns,
                database = e.DatabasePath,
                resume,
                exitCode = stop.ExitCode,
            });
        Output.Error($"stopped by {signal}: {e.StoredRuns} of {e.PlannedRuns} planned runs are stored in "
            + $"{e.DatabasePath}; resume with: {resume}");
        return stop.ExitCode;
    }

    /// <summary>The reproduce command line that continues this sweep: the same plan and store, plus --resume.</summary>
    private static string ResumeHint(ParseResult parse, Option<string> preset, Option<string?> claims,
        Option<string> output, Option<string> shard, Option<int> threads, Option<string[]> checkpoints,
            EngineOptions engine)
    {
        var words = new List<string> { "strassen-repro", "reproduce", "--preset", parse.GetValue(preset)! };
        if (parse.GetValue(claims) is { } c) words.AddRange(["--claims", c]);
        words.AddRange(["--out", parse.GetValue(output)!]);
        if (parse.GetValue(shard) is { } s && s != Shard.Whole.ToString()) words.AddRange(["--shard", s]);
        if (parse.GetValue(threads) is var t and > 0) words.AddRange(["--threads", $"{t}"]);
        if (parse.GetValue(checkpoints) is { Length: > 0 } paths) words.AddRange(["--checkpoints", .. paths]);
        if (parse.GetValue(engine.Engine) is { } e and not "cpu") words.AddRange(["--engine", e]);
        if (parse.GetValue(engine.Device) is { } d and not "auto") words.AddRange(["--device", d]);
        words.Add("--resume");
        return string.Join(' ', words.Select(ShellWord));
    }

    /// <summary>A word as a POSIX shell reads it back: quoted unless it holds only plain path characters.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_./,=:+@%".Contains(ch))
            ? word
            : $"'{word.Replace("'", "'\\''")}'";

    private static Option<string[]> CheckpointsOption() =>
        new("--checkpoints")
        {
            Description = "Checkpoint files and folders (.json, .npy, .npz, .pt, .pth; a folder gives its files) to "
                + "judge for claim C7, e.g. the paper's own: --checkpoints strass_strassen/checkpoints "
                + "strass_strassen/src/training/weights.pt (with --claims C7 nothing is trained)",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.ZeroOrMore,
        };

    /// <summary>The given paths, each an existing file or folder (a one-line usage error otherwise).</summary>
    private static CheckpointInputs Existing(string[]? paths)
    {
        foreach (var p in paths ?? [])
            if (!Directory.Exists(p) && !File.Exists(p))
                throw new UsageException($"--checkpoints {p}: no such file or folder");
        return new CheckpointInputs(paths ?? []);
    }

    private static T Usage<T>(Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        catch (ReproductionException e) { throw new UsageException(e.Message); }
    }

    private static T Store<T>(Func<T> f) => Usage(f);
}
