using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Model;

namespace StrassenRepro.Cli.Commands;

/// <summary>`train`: one run of the two-phase protocol; writes the checkpoint and prints the verify record of the result.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var seed = new Option<long>("--seed") { Description = "Run seed (every random number of the run derives from it)", Required = true };
        var batch = CommonOptions.BatchSize("Phase 1 batch size");
        var preset = new Option<string>("--protocol", "--preset")
        {
            Description = "Training protocol, each with the upstream script it follows: " + ProtocolSources.Listing()
                + " (src/Model/README.md)",
            DefaultValueFactory = _ => "upstream",
        };
        preset.AcceptOnlyFromAmong([.. TrainingProtocols.Names]);
        var steps = new Option<int?>("--steps") { Description = "Phase 1 length in epochs (= optimizer steps with fresh data)" };
        var lr = new Option<double?>("--lr") { Description = "Phase 1 learning rate" };
        var wd = new Option<double?>("--wd") { Description = "Phase 1 (decoupled) weight decay" };
        var data = new Option<string?>("--data") { Description = "fresh or fixed:N" };
        var init = new Option<string?>("--init") { Description = "symmetric (U and V share one draw) or independent" };
        init.AcceptOnlyFromAmong("symmetric", "independent");
        var kappaSteps = new Option<string?>("--kappa-steps") { Description = "Global steps (comma-separated) at which to measure kappa" };
        var phase1Only = new Option<bool>("--phase1-only") { Description = "No pruning; verify all slots unsparsified (claim C3)" };
        var set = new Option<string[]>("--set")
        {
            Description = "key=value: any field of the run's configuration by its JSON name, after the options above, in "
                + "order (e.g. --set phase1Epochs=3000 --set kappaSteps=3000; lists comma-separated, null for none). "
                + "Keys: " + string.Join(", ", RunSetting.Keys),
            Arity = ArgumentArity.OneOrMore,
        };
        var printConfig = new Option<bool>("--print-config")
        {
            Description = "Print the run's configuration (canonical JSON) and its hash, and train nothing",
        };
        var engine = new EngineOptions();
        var threads = CommonOptions.Threads("CPU threads (0 = all cores); results do not depend on it");
        var output = new Option<string>("--out") { Description = "Folder for the checkpoint", DefaultValueFactory = _ => "runs" };
        var json = CommonOptions.Json();
        var command = new Command("train", "Train one run of the two-phase protocol, write its checkpoint and verify it")
        {
            seed, batch, preset, steps, lr, wd, data, init, kappaSteps, phase1Only, set, printConfig, engine.Engine, engine.Device, threads, output, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            int b = CommonOptions.BatchSizeOf(parse, batch);
            if (parse.GetValue(steps) is < 0 and int n) throw new UsageException($"--steps {n} must be >= 0");
            // The named options are settings too, applied before --set's in the order given.
            var named = new List<RunSetting>();
            void Named(string key, string? value) { if (value is not null) named.Add(new RunSetting(key, value)); }
            Named("phase1Epochs", parse.GetValue(steps)?.ToString(CultureInfo.InvariantCulture));
            Named("lr", parse.GetValue(lr)?.ToString("R", CultureInfo.InvariantCulture));
            Named("weightDecay", parse.GetValue(wd)?.ToString("R", CultureInfo.InvariantCulture));
            Named("data", parse.GetValue(data));
            Named("init", parse.GetValue(init));
            Named("prune", parse.GetValue(phase1Only) ? "false" : null);
            Named("kappaSteps", parse.GetValue(kappaSteps) is string ks ? string.Join(",", ParseSteps(ks)) : null);
            RunConfig config;
            try
            {
                var arguments = new TrainArguments
                {
                    Protocol = parse.GetValue(preset)!,
                    Seed = parse.GetValue(seed),
                    BatchSize = b,
                    Settings = [.. named, .. (parse.GetValue(set) ?? []).Select(RunSetting.Parse)],
                };
                config = arguments.ToConfig();
            }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            catch (JsonException e) { throw new UsageException($"--set: {e.Message.Split('\n')[0]}"); }
            if (parse.GetValue(printConfig))
            {
                Console.Out.WriteLine(config.ToJson());
                Console.Out.WriteLine(config.Hash());
                return ExitCodes.Success;
            }
            int t = CommonOptions.ThreadsOf(parse, threads);
            var kind = engine.Parse(parse);

            var result = PopulationTrainer.Train([config], t, kind)[0];
            var path = Checkpoint.Write(result, kind, parse.GetValue(output)!);
            if (result.Scheme is null) return Diverged(result, kind, parse.GetValue(json));
            // Both outcomes, as the sweep records them: the paper's (plain Q) and after lattice recovery.
            var report = Verifier.VerifyWithRecovery(result.Scheme, result.VerificationOptions, path!, "json");
            // The run is judged as the paper judges it (exit code from Valid); recovery is reported beside it.
            report = report with { Verdict = report.InputVerdict };

            if (parse.GetValue(json))
            {
                var record = JsonSerializer.SerializeToNode(report, Output.Json)!.AsObject();
                record["training"] = Training(result, kind);
                Console.Out.WriteLine(record.ToJsonString(Output.Json));
            }
            else
            {
                // The run's lines go before the verdict, so that the verdict is the last line.
                VerificationText.Print(report, () =>
                {
                    var last = result.Curves.Count > 0 ? result.Curves[^1] : null;
                    var c = result.Config;
                    Console.Out.WriteLine($"  run             {c.Protocol}, seed {c.Seed}, batch {c.BatchSize}, " +
                                          $"{result.Steps} steps, config {result.ConfigHash[..16]}");
                    string pruned = result.PruneSkipped
                        ? "none (at most 7 active: Phase 2 skipped)"
                        : string.Join(",", result.PrunedSlots);
                    Console.Out.WriteLine($"  pruned slots    {pruned}");
                    if (last is not null)
                        Console.Out.WriteLine(
                            $"  final losses    train {Output.Sci(last.TrainLoss)}, test {Output.Sci(last.TestLoss)}");
                    Console.Out.WriteLine($"  checkpoint      {path}");
                });
            }
            return report.Valid ? ExitCodes.Success : ExitCodes.VerifiedFailure;
        }));
        return command;
    }

    /// <summary>Training blew up (non-finite weights): no scheme to verify, no checkpoint; a failed run, exit code 1.</summary>
    private static int Diverged(RunResult result, EngineChoice kind, bool json)
    {
        if (json)
        {
            var record = new JsonObject { ["path"] = null, ["outcome"] = "diverged", ["valid"] = false, ["training"] = Training(result, kind) };
            Console.Out.WriteLine(record.ToJsonString(Output.Json));
        }
        else
        {
            Console.Out.WriteLine($"training diverged (non-finite weights) after {result.Steps} steps: no scheme, no checkpoint");
            Console.Out.WriteLine("NOT VALID");
        }
        return ExitCodes.VerifiedFailure;
    }

    private static int[] ParseSteps(string text)
    {
        var steps = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int step) || step < 1)
                throw new UsageException($"--kappa-steps: '{part}' is not a step >= 1");
            steps.Add(step);
        }
        return steps.Distinct().Order().ToArray();
    }

    /// <summary>The training-specific fields printed beside the verify record: no timings, so output is reproducible.</summary>
    private static JsonObject Training(RunResult result, EngineChoice engine)
    {
        var last = result.Curves.Count > 0 ? result.Curves[^1] : null;
        return new JsonObject
        {
            ["preset"] = result.Config.Protocol,
            ["seed"] = result.Config.Seed,
            ["batchSize"] = result.Config.BatchSize,
            ["configHash"] = result.ConfigHash,
            ["engine"] = engine.Name,
            ["steps"] = result.Steps,
            ["prunedSlots"] = new JsonArray(result.PrunedSlots.Select(s => (JsonNode)s).ToArray()),
            ["pruneSkipped"] = result.PruneSkipped,
            ["curvePoints"] = result.Curves.Count,
            ["finalTrainLoss"] = last?.TrainLoss,
            ["finalTestLoss"] = last?.TestLoss,
            ["finalActiveSlots"] = last?.ActiveSlots,
            ["kappas"] = JsonSerializer.SerializeToNode(result.Kappas, Output.Json),
        };
    }
}
