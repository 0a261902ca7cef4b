using System.CommandLine;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Sweep;

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
        var engine = new EngineOptions();
        var shape = new Option<string?>("--shape") { Description = "The product n,m,p trained (default 2,2,2)" };
        var slots = new Option<int?>("--slots") { Description = "Slots per run (default 8)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var throughput = new Command("train-throughput", "Run-steps per second of the population engine vs a single run")
        {
            batch, population, steps, threads, engine.Engine, engine.Device, shape, slots, json,
        };
        throughput.SetAction(parse => Guarded.Run(() =>
        {
            int b = parse.GetValue(batch), p = parse.GetValue(population), s = parse.GetValue(steps), t = parse.GetValue(threads);
            CheckSizes(b, p, t);
            if (s < 1) throw new UsageException($"--steps {s} must be >= 1");
            var kind = engine.Parse(parse);
            var product = parse.GetValue(shape) is string text ? ShapeOption.Parse(text) : Crystallization.Shape.Square2;
            int? r = parse.GetValue(slots);
            if (r is < 1 or > 64) throw new UsageException($"--slots {r} is not in 1..64");
            var many = TrainThroughput.Measure(b, p, s, t, kind, product, r);
            // The same cpu population at <2,2,2;8> with one of the engine's fast paths switched off (the switch is on by
            // default), so that its speed-up is measured in this one run.
            bool square8 = kind.Kind == EngineKind.Cpu && product == Crystallization.Shape.Square2 && r is null or 8;
            ThroughputSample? Without(bool on, Action<bool> set)
            {
                if (!square8 || !on) return null;
                set(false);
                try { return TrainThroughput.Measure(b, p, s, t, kind, product, r); }
                finally { set(true); }
            }
            // Normals drawn vectorised where AVX2 is there, against the scalar draw (the same numbers).
            var scalarNormals = Without(Pairs.Vectorised, on => Pairs.Vectorised = on);
            // The specialised 8-lane gradient, against the general path (any shape and slot count).
            var general = Without(CpuPopulation.Specialised, on => CpuPopulation.Specialised = on);
            var single = TrainThroughput.Measure(b, 1, s, t, kind, product, r);
            // The overhead-bound baseline of the CPU engines: one run through libtorch, one small op at a time. The gpu
            // engine is measured without it, and so is a build without libtorch.
            var torchSingle = kind.Kind switch
            {
                EngineKind.Torch => single,
                EngineKind.Cpu when LibTorch.Available => TrainThroughput.Measure(b, 1, s, t, EngineKind.Torch, product, r),
                _ => null,
            };
            var device = kind.Describe();
            var result = new
            {
                benchmark = "train-throughput",
                engine = kind.Name,
                shape = new[] { product.N, product.M, product.P },
                slots = r ?? 8,
                device = device.GetValueOrDefault("device"),
                driver = device.GetValueOrDefault("driver"),
                batchSize = b,
                population = p,
                steps = s,
                threads = t == 0 ? Environment.ProcessorCount : t,
                runStepsPerSecond = many.RunStepsPerSecond,
                seconds = many.Seconds,
                runStepsPerCpuSecond = many.RunStepsPerCpuSecond,
                stepRunStepsPerSecond = many.StepRunStepsPerSecond,
                stepSeconds = many.StepSeconds,
                scalarNormalsRunStepsPerCpuSecond = scalarNormals?.RunStepsPerCpuSecond,
                vectorOverScalarNormals = many.RunStepsPerCpuSecond / scalarNormals?.RunStepsPerCpuSecond,
                generalPathRunStepsPerCpuSecond = general?.RunStepsPerCpuSecond,
                specialisedOverGeneralPath = many.RunStepsPerCpuSecond / general?.RunStepsPerCpuSecond,
                singleRunStepsPerSecond = single.RunStepsPerSecond,
                singleSeconds = single.Seconds,
                ratio = many.RunStepsPerSecond / single.RunStepsPerSecond,
                torchSingleRunStepsPerSecond = torchSingle?.RunStepsPerSecond,
                ratioToTorchSingle = many.RunStepsPerSecond / torchSingle?.RunStepsPerSecond,
                loadAverage = LoadAverage(),
            };
            if (parse.GetValue(json)) Output.WriteJson(result);
            else
            {
                string on = result.device is null ? "" : $" on {result.device} (driver {result.driver})";
                Console.Out.WriteLine($"train-throughput  engine {result.engine}{on}, {product} rank {result.slots}, batch {b}, {s} steps, threads {result.threads}, load average {result.loadAverage}");
                Console.Out.WriteLine($"  population {p,6}: {result.runStepsPerSecond,12:N0} run-steps/s ({many.Seconds:F2} s, {many.RunStepsPerCpuSecond:N0} per CPU-second)");
                Console.Out.WriteLine($"    steps alone  : {result.stepRunStepsPerSecond,12:N0} run-steps/s ({many.StepSeconds:F2} s without set-up, measurements and hand-off)");
                if (scalarNormals is not null)
                    Console.Out.WriteLine($"  scalar normals : {scalarNormals.RunStepsPerSecond,12:N0} run-steps/s ({scalarNormals.Seconds:F2} s, " +
                        $"{scalarNormals.RunStepsPerCpuSecond:N0} per CPU-second); vectorised / scalar per CPU-second = {result.vectorOverScalarNormals:F2}x");
                if (general is not null)
                    Console.Out.WriteLine($"  general path   : {general.RunStepsPerSecond,12:N0} run-steps/s ({general.Seconds:F2} s, " +
                        $"{general.RunStepsPerCpuSecond:N0} per CPU-second); specialised / general per CPU-second = {result.specialisedOverGeneralPath:F2}x");
                Console.Out.WriteLine($"  single run     : {result.singleRunStepsPerSecond,12:N0} run-steps/s ({single.Seconds:F2} s)");
                Console.Out.WriteLine($"  ratio          : {result.ratio,12:F1}x");
                if (torchSingle is not null)
                    Console.Out.WriteLine($"  torch single   : {result.torchSingleRunStepsPerSecond,12:N0} run-steps/s; population / torch single = {result.ratioToTorchSingle:F1}x");
            }
            return ExitCodes.Success;
        }));
        return new Command("bench", "Throughput benchmarks, and agreement between engines") { throughput, Agreement() };
    }

    /// <summary>`bench agreement`: the same runs on the cpu engine and on another; trajectories and outcome distributions.</summary>
    private static Command Agreement()
    {
        var batch = new Option<int>("--batch-size") { Description = "Batch size of every run", DefaultValueFactory = _ => 32 };
        var population = new Option<int>("--population") { Description = "Runs compared step by step", DefaultValueFactory = _ => 64 };
        var steps = new Option<string>("--steps") { Description = "Phase 1 steps of the trajectory comparisons, comma-separated", DefaultValueFactory = _ => "1,10,100,300" };
        var outcomes = new Option<int>("--outcomes") { Description = "Full upstream runs (seeds 1..N) whose outcome counts are compared (0 = skip)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "CPU threads (0 = all cores)", DefaultValueFactory = _ => 0 };
        var engine = new EngineOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("agreement", "Train the same runs on the cpu engine and on --engine; compare coefficients and outcomes")
        {
            batch, population, steps, outcomes, threads, engine.Engine, engine.Device, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            int b = parse.GetValue(batch), p = parse.GetValue(population);
            int n = parse.GetValue(outcomes), t = parse.GetValue(threads);
            var counts = StepCounts(parse.GetValue(steps)!);
            CheckSizes(b, p, t);
            if (n < 0) throw new UsageException($"--outcomes {n} must be >= 0");
            var other = engine.Parse(parse);
            var trajectories = counts.Select(s => EngineAgreement.Trajectories(p, b, s, EngineChoice.Cpu, other, t)).ToArray();
            var comparison = n > 0 ? EngineOutcomes.Compare(n, b, EngineChoice.Cpu, other, t) : null;
            var device = other.Describe();
            var result = new
            {
                benchmark = "agreement",
                engine = other.Name,
                device = device.GetValueOrDefault("device"),
                driver = device.GetValueOrDefault("driver"),
                trajectories,
                outcomes = comparison is null ? null : new
                {
                    comparison.Runs,
                    comparison.BatchSize,
                    categories = EngineOutcomeComparison.Categories,
                    cpu = comparison.First,
                    other = comparison.Second,
                    plain = comparison.Plain,
                    afterRecovery = comparison.AfterRecovery,
                },
            };
            if (parse.GetValue(json)) Output.WriteJson(result);
            else
            {
                string on = result.device is null ? "" : $" on {result.device}";
                Console.Out.WriteLine($"agreement  cpu vs {other.Name}{on}, batch {b}");
                foreach (var sample in trajectories)
                    Console.Out.WriteLine($"  trajectories  {p} runs x {sample.Steps,5} steps: max |difference| {Output.Sci(sample.MaxAbsDifference)}, " +
                        $"relative {Output.Sci(sample.MaxRelativeDifference)}, {sample.IdenticalRuns} of {p} bit for bit equal");
                if (comparison is not null)
                {
                    Console.Out.WriteLine($"  outcomes      {n} full runs ({string.Join(", ", EngineOutcomeComparison.Categories)})");
                    Console.Out.WriteLine($"    cpu         plain {string.Join(" ", comparison.First.Plain),-24} after recovery {string.Join(" ", comparison.First.AfterRecovery)}");
                    Console.Out.WriteLine($"    {other.Name,-11} plain {string.Join(" ", comparison.Second.Plain),-24} after recovery {string.Join(" ", comparison.Second.AfterRecovery)}");
                    Console.Out.WriteLine($"    chi-squared plain X2 = {comparison.Plain.Statistic:F2}, df {comparison.Plain.DegreesOfFreedom}, p = {comparison.Plain.P:F3}; " +
                        $"after recovery X2 = {comparison.AfterRecovery.Statistic:F2}, df {comparison.AfterRecovery.DegreesOfFreedom}, p = {comparison.AfterRecovery.P:F3}");
                }
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void CheckSizes(int batch, int population, int threads)
    {
        if (batch < 1 || batch > 65536) throw new UsageException($"--batch-size {batch} is not in 1..65536");
        if (population < 1 || population > 1 << 20) throw new UsageException($"--population {population} is not in 1..1048576");
        if (threads < 0) throw new UsageException($"--threads {threads} must be >= 0");
    }

    private static int[] StepCounts(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            counts.Add(int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) && k >= 1
                ? k : throw new UsageException($"--steps: '{part}' is not a step count >= 1"));
        return [.. counts.Distinct().Order()];
    }

    /// <summary>The 1-minute load average (Linux), so a reader can see how busy the machine was.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
