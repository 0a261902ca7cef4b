using System.CommandLine;
using StrassenRepro.Model;

namespace StrassenRepro.Cli.Commands;

/// <summary>
/// `bench train-throughput` (ThroughputBench: the population engine, its fallbacks and a single run in one invocation)
/// and `bench agreement` (BenchAgreementCommand). All numbers here are timings: they differ from one invocation to the next.
/// </summary>
public static class BenchCommand
{
    public const int MaxPopulation = 1 << 20;

    public static Command Create()
    {
        var batch = CommonOptions.BatchSize("Batch size of every run", 32);
        var population = new Option<int>("--population") { Description = "Runs trained as one batched program", DefaultValueFactory = _ => 256 };
        var steps = new Option<int>("--steps") { Description = "Optimizer steps per run (Phase 1, upstream preset)", DefaultValueFactory = _ => 1000 };
        var threads = CommonOptions.Threads("CPU threads for libtorch and data generation (0 = all cores)");
        var engine = new EngineOptions();
        var shape = new Option<string?>("--shape") { Description = "The product n,m,p trained (default 2,2,2)" };
        var slots = new Option<int?>("--slots") { Description = "Slots per run (default 8)" };
        var json = CommonOptions.Json();
        var throughput = new Command("train-throughput", "Run-steps per second of the population engine vs a single run")
        {
            batch, population, steps, threads, engine.Engine, engine.Device, shape, slots, json,
        };
        throughput.SetAction(parse => Guarded.Run(() =>
        {
            int s = parse.GetValue(steps);
            if (s < 1) throw new UsageException($"--steps {s} must be >= 1");
            int? r = parse.GetValue(slots);
            if (r is < 1 or > 64) throw new UsageException($"--slots {r} is not in 1..64");
            var options = new ThroughputBenchOptions
            {
                BatchSize = CommonOptions.BatchSizeOf(parse, batch),
                Population = PopulationOf(parse, population),
                Threads = CommonOptions.ThreadsOf(parse, threads),
                Steps = s,
                Engine = engine.Parse(parse),
                Shape = parse.GetValue(shape) is string text ? ShapeOption.Parse(text) : Crystallization.Shape.Square2,
                Slots = r,
            };
            var result = ThroughputBench.Run(options);
            if (parse.GetValue(json)) Output.WriteJson(Record(result));
            else Print(result);
            return ExitCodes.Success;
        }));
        return new Command("bench", "Throughput benchmarks, and agreement between engines") { throughput, BenchAgreementCommand.Create() };
    }

    /// <summary>The value of --population, in 1..MaxPopulation.</summary>
    public static int PopulationOf(ParseResult parse, Option<int> option)
    {
        int p = parse.GetValue(option);
        return p is >= 1 and <= MaxPopulation ? p : throw new UsageException($"--population {p} is not in 1..{MaxPopulation}");
    }

    private static object Record(ThroughputBenchResult result)
    {
        var (o, many) = (result.Options, result.Population);
        var device = o.Engine.Describe();
        return new
        {
            benchmark = "train-throughput",
            engine = o.Engine.Name,
            shape = new[] { o.Shape.N, o.Shape.M, o.Shape.P },
            slots = o.Slots ?? 8,
            device = device.GetValueOrDefault("device"),
            driver = device.GetValueOrDefault("driver"),
            batchSize = o.BatchSize,
            population = o.Population,
            steps = o.Steps,
            threads = o.EffectiveThreads,
            runStepsPerSecond = many.RunStepsPerSecond,
            seconds = many.Seconds,
            runStepsPerCpuSecond = many.RunStepsPerCpuSecond,
            stepRunStepsPerSecond = many.StepRunStepsPerSecond,
            stepSeconds = many.StepSeconds,
            scalarNormalsRunStepsPerCpuSecond = result.ScalarNormals?.RunStepsPerCpuSecond,
            vectorOverScalarNormals = result.VectorOverScalarNormals,
            generalPathRunStepsPerCpuSecond = result.GeneralPath?.RunStepsPerCpuSecond,
            specialisedOverGeneralPath = result.SpecialisedOverGeneralPath,
            singleRunStepsPerSecond = result.Single.RunStepsPerSecond,
            singleSeconds = result.Single.Seconds,
            ratio = result.Ratio,
            torchSingleRunStepsPerSecond = result.TorchSingle?.RunStepsPerSecond,
            ratioToTorchSingle = result.RatioToTorchSingle,
            loadAverage = result.LoadAverage,
        };
    }

    private static void Print(ThroughputBenchResult result)
    {
        var (o, many) = (result.Options, result.Population);
        var device = o.Engine.Describe();
        string on = device.GetValueOrDefault("device") is string name ? $" on {name} (driver {device.GetValueOrDefault("driver")})" : "";
        Console.Out.WriteLine($"train-throughput  engine {o.Engine.Name}{on}, {o.Shape} rank {o.Slots ?? 8}, batch {o.BatchSize}, {o.Steps} steps, threads {o.EffectiveThreads}, load average {result.LoadAverage}");
        Console.Out.WriteLine($"  population {o.Population,6}: {many.RunStepsPerSecond,12:N0} run-steps/s ({many.Seconds:F2} s, {many.RunStepsPerCpuSecond:N0} per CPU-second)");
        Console.Out.WriteLine($"    steps alone  : {many.StepRunStepsPerSecond,12:N0} run-steps/s ({many.StepSeconds:F2} s without set-up, measurements and hand-off)");
        if (result.ScalarNormals is { } scalar)
            Console.Out.WriteLine($"  scalar normals : {scalar.RunStepsPerSecond,12:N0} run-steps/s ({scalar.Seconds:F2} s, " +
                $"{scalar.RunStepsPerCpuSecond:N0} per CPU-second); vectorised / scalar per CPU-second = {result.VectorOverScalarNormals:F2}x");
        if (result.GeneralPath is { } general)
            Console.Out.WriteLine($"  general path   : {general.RunStepsPerSecond,12:N0} run-steps/s ({general.Seconds:F2} s, " +
                $"{general.RunStepsPerCpuSecond:N0} per CPU-second); specialised / general per CPU-second = {result.SpecialisedOverGeneralPath:F2}x");
        Console.Out.WriteLine($"  single run     : {result.Single.RunStepsPerSecond,12:N0} run-steps/s ({result.Single.Seconds:F2} s)");
        Console.Out.WriteLine($"  ratio          : {result.Ratio,12:F1}x");
        if (result.TorchSingle is { } torch)
            Console.Out.WriteLine($"  torch single   : {torch.RunStepsPerSecond,12:N0} run-steps/s; population / torch single = {result.RatioToTorchSingle:F1}x");
    }
}
