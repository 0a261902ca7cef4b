using System.CommandLine;
using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Discovery;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Cli.Commands;

/// <summary>`discover`: train runs of any product &lt;n,m,p&gt;, crystallize them, keep the distinct exact schemes.</summary>
public static class DiscoverCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = "The product n,m,p (A is n x m, B is m x p), each 1..8", Required = true };
        var rank = new Option<int>("--rank") { Description = "Slots the runs are pruned to: the rank of the schemes sought", Required = true };
        var runs = new Option<int?>("--runs") { Description = "Stop after this many runs (default 20 when neither --minutes nor --until is given)" };
        var minutes = new Option<double?>("--minutes") { Description = "Stop after this many minutes (a run in progress is dropped)" };
        var until = new Option<int?>("--until") { Description = "Stop once this many runs gave an exact scheme" };
        var firstSeed = new Option<long>("--first-seed") { Description = "Seed of the first run", DefaultValueFactory = _ => 1 };
        var protocol = new Option<string>("--protocol") { Description = "train: the paper's net (train-strassen), pruned and crystallized; als: alternating least squares with grid pull and projection; als-crystallize: als, and the general crystallizer where its rounding fails", DefaultValueFactory = _ => "train" };
        protocol.AcceptOnlyFromAmong("train", "als", "als-crystallize");
        var slots = new Option<int?>("--slots") { Description = "Slots at the start (default: rank; Phase 2 prunes one at a time down to rank)" };
        var batch = new Option<int>("--batch-size") { Description = "Phase 1 batch size", DefaultValueFactory = _ => 32 };
        var steps = new Option<int?>("--steps") { Description = "Phase 1 steps (default: the protocol's 30000)" };
        var phase2 = new Option<int?>("--phase2-steps") { Description = "Decay and refinement steps of Phase 2, each (default: the protocol's 2000 and 10000)" };
        var threads = new Option<int>("--threads") { Description = "CPU threads (0 = all cores)", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Folder for runs.db, schemes/ and discovery.md", DefaultValueFactory = _ => Path.Combine("artifacts", "discover") };
        var resume = new Option<bool>("--resume") { Description = "Continue a discovery in --out: skip the runs already stored" };
        var json = new Option<bool>("--json") { Description = "Print the summary (one JSON object) on stdout" };
        var format = new Option<string>("--format") { Description = "Scheme files: json (ours, with metadata) or catalogue (the catalogue JSON of dronperminov/FastMatrixMultiplication; docs/formats.md)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "catalogue");
        var noCrystallize = new Option<bool>("--no-crystallize") { Description = "Exact schemes by rounding and lattice recovery only (skip the general crystallizer)" };
        var engine = new EngineOptions();
        var command = new Command("discover",
            "Train runs of a product <n,m,p>, turn each into an exact scheme where possible (rounding, lattice recovery, "
            + "the crystallizer), write the distinct ones (schemes/*.json, each passes verify), their orbit classes and discovery.md. "
            + "Exit code 0: at least one exact scheme; 1: none (the smallest residual reached is printed); 2: bad input")
        {
            shape, rank, runs, minutes, until, firstSeed, protocol, slots, batch, steps, phase2, threads, output, resume, json, format, noCrystallize, engine.Engine, engine.Device,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            int? runCount = parse.GetValue(runs);
            double? m2 = parse.GetValue(minutes);
            int? u = parse.GetValue(until);
            if (m2 is <= 0 or > 1e6) throw new UsageException($"--minutes {m2} must be in (0, 1000000]");
            if (u is < 1) throw new UsageException($"--until {u} must be >= 1");
            if (runCount is < 1 or > 100_000) throw new UsageException($"--runs {runCount} is not in 1..100000");
            var budget = new DiscoveryBudget(runCount ?? (m2 is null && u is null ? 20 : null), m2 is double mm ? TimeSpan.FromMinutes(mm) : null, u);
            var target = new DiscoveryTarget(ShapeOption.Parse(parse.GetValue(shape)!), parse.GetValue(rank))
            {
                Runs = runCount ?? 20,
                FirstSeed = parse.GetValue(firstSeed),
                Slots = parse.GetValue(slots),
                BatchSize = parse.GetValue(batch),
                Phase1Epochs = parse.GetValue(steps) is int n ? (n >= 1 ? n : throw new UsageException($"--steps {n} must be >= 1")) : null,
                Phase2Steps = parse.GetValue(phase2) is int m ? (m >= 0 ? m : throw new UsageException($"--phase2-steps {m} must be >= 0")) : null,
            };
            try { target = target.Validated(); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            int t = parse.GetValue(threads);
            if (t < 0) throw new UsageException($"--threads {t} must be >= 0");
            var options = new DiscoverOptions
            {
                Target = target,
                OutDir = parse.GetValue(output)!,
                Resume = parse.GetValue(resume),
                Threads = t,
                Engine = engine.Parse(parse),
                Crystallize = parse.GetValue(noCrystallize) ? null : DiscoveryCrystallizer.Exact,
                Protocol = parse.GetValue(protocol) == "train" ? DiscoveryProtocol.Train : DiscoveryProtocol.Als,
                Format = parse.GetValue(format) == "catalogue" ? SchemeFileFormat.Catalogue : SchemeFileFormat.Json,
                Als = new() { CrystallizerFallback = parse.GetValue(protocol) == "als-crystallize" },
                Budget = budget,
            };
            using var stop = StopSignals.Listen();
            DiscoverySummary summary;
            try { summary = Discoverer.Run(options, new Lines(), stop.Token); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            catch (ReproductionException e) { throw new UsageException(e.Message); }
            return DiscoverText.Print(summary, options.OutDir, parse.GetValue(json), summary.Stopped ? stop : null);
        }));
        return command;
    }

    /// <summary>Progress on stderr, one line per chunk of runs (stdout stays clean for --json).</summary>
    private sealed class Lines : IProgress<DiscoveryProgress>
    {
        public void Report(DiscoveryProgress value) => Console.Error.WriteLine(value.Line());
    }
}
