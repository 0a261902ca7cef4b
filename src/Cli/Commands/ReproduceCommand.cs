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
        var preset = new Option<string>("--preset") { Description = "quick (minutes on 2 cores) or paper (the paper's designs)", DefaultValueFactory = _ => "quick" };
        preset.AcceptOnlyFromAmong([.. ReproductionPreset.Names]);
        var claims = new Option<string?>("--claims") { Description = "Claims to run, e.g. C1,C4 (default: all that are implemented)" };
        var output = new Option<string>("--out") { Description = "Folder for the run store (runs.db) and the report", DefaultValueFactory = _ => Path.Combine("artifacts", "report") };
        var shard = new Option<string>("--shard") { Description = "Run the k-th of n deterministic parts of the plan, k/n (merge the shards' runs.db with `merge`)", DefaultValueFactory = _ => "1/1" };
        var resume = new Option<bool>("--resume") { Description = "Continue a sweep in --out: skip the runs already stored" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for training (0 = all cores); results do not depend on it", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the summary (one JSON object) on stdout" };
        var checkpoints = CheckpointsOption();
        var command = new Command("reproduce", "Run the claims: train the runs they need (stored as they finish), evaluate each claim, write the report")
        {
            preset, claims, output, shard, resume, threads, json, checkpoints,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            var options = new ReproduceOptions
            {
                Preset = ReproductionPreset.ByName(parse.GetValue(preset)!),
                Claims = Usage(() => ClaimCatalog.Select(OptionChecks.Claims(parse.GetValue(claims)))),
                OutDir = parse.GetValue(output)!,
                Shard = Usage(() => Shard.Parse(parse.GetValue(shard)!)),
                Resume = parse.GetValue(resume),
                Threads = parse.GetValue(threads) is var t and >= 0 ? t : throw new UsageException("--threads must be >= 0"),
                CheckpointsDir = ExistingDir(parse.GetValue(checkpoints)),
            };
            var results = Usage(() => SweepProgressView.Show(progress => Reproducer.Run(options, progress)));
            return Finish(results, Reproducer.NotEvaluated(options.Claims), options.OutDir, parse.GetValue(json));
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
            var results = Reproducer.WriteReport(store, Usage(() => Reproducer.PresetOf(store)), selected, parse.GetValue(output)!, ExistingDir(parse.GetValue(checkpoints)));
            return Finish(results, Reproducer.NotEvaluated(selected), parse.GetValue(output)!, parse.GetValue(json));
        }));
        return command;
    }

    public static Command CreateMerge()
    {
        var into = new Option<string>("--into") { Description = "Run store to merge into (created if missing)", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "Shard run stores (runs.db of each --shard k/n)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Join shard run stores into one (runs are keyed by configuration hash: no duplicates)") { into, shards };
        command.SetAction(parse => Guarded.Run(() =>
        {
            using var target = Store(() => RunStore.Open(parse.GetValue(into)!));
            foreach (var shard in parse.GetValue(shards)!)
            {
                using (var source = Store(() => RunStore.Open(shard)))
                {
                    string? preset = source.GetMeta("preset");
                    string? mine = target.GetMeta("preset");
                    if (preset is not null && mine is not null && preset != mine)
                        throw new UsageException($"{shard} holds a '{preset}' sweep, {target.Path} a '{mine}' one");
                    if (preset is not null) target.SetMeta("preset", preset);
                }
                int added = Store(() => target.MergeFrom(shard));
                Console.Error.WriteLine($"strassen-repro: {shard}: {added} new runs");
            }
            Console.Error.WriteLine($"strassen-repro: {target.Path} holds {target.Count} runs");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateExportRuns()
    {
        var db = new Option<string>("--db") { Description = "Run store (runs.db)", Required = true };
        var jsonl = new Option<string>("--jsonl") { Description = "Output file: one JSON object per stored run", Required = true };
        var command = new Command("export-runs", "Export stored runs as JSON Lines (configuration, verification, curves, kappa, provenance)") { db, jsonl };
        command.SetAction(parse => Guarded.Run(() =>
        {
            string path = parse.GetValue(db)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such run store");
            using var store = Store(() => RunStore.Open(path));
            var runs = store.All();
            var tmp = parse.GetValue(jsonl)! + ".tmp";
            using (var writer = new StreamWriter(tmp))
                foreach (var run in runs)
                    writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                    {
                        run.ConfigHash, run.GitCommit, versions = System.Text.Json.Nodes.JsonNode.Parse(run.VersionsJson),
                        run.FinishedUtc, run.Seconds, record = System.Text.Json.Nodes.JsonNode.Parse(run.RecordJson),
                    }, RunCodec.Json));
            File.Move(tmp, parse.GetValue(jsonl)!, overwrite: true);
            Console.Error.WriteLine($"strassen-repro: {runs.Count} runs written to {parse.GetValue(jsonl)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Exit code 0 when every evaluated claim reproduced, 1 when one did not (or is inconclusive).</summary>
    private static int Finish(IReadOnlyList<ClaimResult> results, IReadOnlyList<string> notEvaluated, string outDir, bool json)
    {
        if (json)
            Output.WriteJson(new
            {
                report = Path.Combine(outDir, "report.md"),
                claims = results.Select(r => new { r.Id, r.Title, r.PaperSays, r.WeMeasured, verdict = r.Verdict.ToWire(), r.Rule }),
                notEvaluated,
            });
        else
        {
            Console.Out.WriteLine(SummaryTable.ToMarkdown(results));
            if (notEvaluated.Count > 0) Console.Out.WriteLine($"\nNot evaluated in this run (--claims): {string.Join(", ", notEvaluated)}");
            Console.Out.WriteLine($"\nReport: {Path.Combine(outDir, "report.md")} and index.html");
        }
        return results.All(r => r.Verdict == Verdict.Reproduced) ? ExitCodes.Success : ExitCodes.VerifiedFailure;
    }

    private static Option<string?> CheckpointsOption() =>
        new("--checkpoints") { Description = "Folder of checkpoint files (.pt, .pth, .json, .npz) to judge for claim C7" };

    private static string? ExistingDir(string? path) =>
        path is null || Directory.Exists(path) ? path : throw new UsageException($"--checkpoints {path}: no such folder");

    private static T Usage<T>(Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        catch (RunStoreException e) { throw new UsageException(e.Message); }
    }

    private static T Store<T>(Func<T> f) => Usage(f);
}
