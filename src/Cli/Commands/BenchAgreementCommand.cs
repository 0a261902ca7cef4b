using System.CommandLine;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Cli.Commands;

/// <summary>`bench agreement`: the same runs on the cpu engine and on another; trajectories and outcome distributions.</summary>
public static class BenchAgreementCommand
{
    public static Command Create()
    {
        var batch = CommonOptions.BatchSize("Batch size of every run", 32);
        var population = new Option<int>("--population") { Description = "Runs compared step by step", DefaultValueFactory = _ => 64 };
        var steps = new Option<string>("--steps") { Description = "Phase 1 steps of the trajectory comparisons, comma-separated", DefaultValueFactory = _ => "1,10,100,300" };
        var outcomes = new Option<int>("--outcomes") { Description = "Full upstream runs (seeds 1..N) whose outcome counts are compared (0 = skip)", DefaultValueFactory = _ => 0 };
        var threads = CommonOptions.Threads();
        var engine = new EngineOptions();
        var json = CommonOptions.Json();
        var command = new Command("agreement", "Train the same runs on the cpu engine and on --engine; compare coefficients and outcomes")
        {
            batch, population, steps, outcomes, threads, engine.Engine, engine.Device, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            int b = CommonOptions.BatchSizeOf(parse, batch), p = BenchCommand.PopulationOf(parse, population);
            int n = parse.GetValue(outcomes), t = CommonOptions.ThreadsOf(parse, threads);
            var counts = StepCounts(parse.GetValue(steps)!);
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

    private static int[] StepCounts(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            counts.Add(int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) && k >= 1
                ? k : throw new UsageException($"--steps: '{part}' is not a step count >= 1"));
        return [.. counts.Distinct().Order()];
    }
}
