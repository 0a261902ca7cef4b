using System.CommandLine;
using StrassenRepro.Model;

namespace StrassenRepro.Cli.Commands;

/// <summary>
/// `bench train-throughput`: run-steps per second of the population engine and, in the same invocation, of a single
/// run (P = 1), and their ratio. All numbers here are timings: they differ from one invocation to the next.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var batch = new Option<int>("--batch-size") { Description = "Batch size of every run", DefaultValueFactory = _ => 32 };
        var population = new Option<int>("--population") { Description = "Runs trained as one batched program", DefaultValueFactory = _ => 256 };
        var steps = new Option<int>("--steps") { Description = "Optimizer steps per run (Phase 1, upstream preset)", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for libtorch and data generation (0 = all cores)", DefaultValueFactory = _ => 0 };
        var engine = new Option<string>("--engine") { Description = "cpu (fused SIMD C#, default) or torch (TorchSharp bmm)", DefaultValueFactory = _ => "cpu" };
        engine.AcceptOnlyFromAmong("cpu", "torch");
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var throughput = new Command("train-throughput", "Run-steps per second of the population engine vs a single run")
        {
            batch, population, steps, threads, engine, json,
        };
        throughput.SetAction(parse => Guarded.Run(() =>
        {
            int b = parse.GetValue(batch), p = parse.GetValue(population), s = parse.GetValue(steps), t = parse.GetValue(threads);
            if (b < 1 || b > 65536) throw new UsageException($"--batch-size {b} is not in 1..65536");
            if (p < 1 || p > 1 << 20) throw new UsageException($"--population {p} is not in 1..1048576");
            if (s < 1) throw new UsageException($"--steps {s} must be >= 1");
            if (t < 0) throw new UsageException($"--threads {t} must be >= 0");
            var kind = parse.GetValue(engine) == "torch" ? EngineKind.Torch : EngineKind.Cpu;
            var many = TrainThroughput.Measure(b, p, s, t, kind);
            var single = TrainThroughput.Measure(b, 1, s, t, kind);
            // The overhead-bound baseline the issue describes: one run through libtorch, one small op at a time.
            var torchSingle = kind == EngineKind.Torch ? single : TrainThroughput.Measure(b, 1, s, t, EngineKind.Torch);
            var result = new
            {
                benchmark = "train-throughput",
                engine = kind.ToString().ToLowerInvariant(),
                batchSize = b,
                population = p,
                steps = s,
                threads = t == 0 ? Environment.ProcessorCount : t,
                runStepsPerSecond = many.RunStepsPerSecond,
                seconds = many.Seconds,
                runStepsPerCpuSecond = many.RunStepsPerCpuSecond,
                singleRunStepsPerSecond = single.RunStepsPerSecond,
                singleSeconds = single.Seconds,
                ratio = many.RunStepsPerSecond / single.RunStepsPerSecond,
                torchSingleRunStepsPerSecond = torchSingle.RunStepsPerSecond,
                ratioToTorchSingle = many.RunStepsPerSecond / torchSingle.RunStepsPerSecond,
                loadAverage = LoadAverage(),
            };
            if (parse.GetValue(json)) Output.WriteJson(result);
            else
            {
                Console.Out.WriteLine($"train-throughput  engine {result.engine}, batch {b}, {s} steps, threads {result.threads}, load average {result.loadAverage}");
                Console.Out.WriteLine($"  population {p,6}: {result.runStepsPerSecond,12:N0} run-steps/s ({many.Seconds:F2} s, {many.RunStepsPerCpuSecond:N0} per CPU-second)");
                Console.Out.WriteLine($"  single run     : {result.singleRunStepsPerSecond,12:N0} run-steps/s ({single.Seconds:F2} s)");
                Console.Out.WriteLine($"  ratio          : {result.ratio,12:F1}x");
                Console.Out.WriteLine($"  torch single   : {result.torchSingleRunStepsPerSecond,12:N0} run-steps/s; population / torch single = {result.ratioToTorchSingle:F1}x");
            }
            return ExitCodes.Success;
        }));
        return new Command("bench", "Throughput benchmarks") { throughput };
    }

    /// <summary>The 1-minute load average (Linux), so a reader can see how busy the machine was.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
