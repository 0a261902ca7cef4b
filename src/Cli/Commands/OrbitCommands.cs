using System.CommandLine;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Orbits;
using StrassenRepro.Formats;

namespace StrassenRepro.Cli.Commands;

/// <summary>`equivalent A B` and `classify FILES|DIR`: orbits under the symmetry group (docs/orbits.md).</summary>
public static class OrbitCommands
{
    private static Option<string> RingOption()
    {
        var ring = new Option<string>("--ring")
        {
            Description = "Compare over Z/Q or over F2 (files that declare themselves mod 2 are compared over F2 anyway)",
            DefaultValueFactory = _ => "Z",
        };
        ring.AcceptOnlyFromAmong("Z", "F2", "z", "f2");
        return ring;
    }

    private static Option<long> BoundOption() => new("--max-nodes")
    {
        Description = "Most partial slot matchings the search tries (per pair) before it answers UNDECIDED",
        DefaultValueFactory = _ => OrbitEquivalence.DefaultMaxNodes,
    };

    private static Ring RingOf(string value) => value.ToUpperInvariant() == "F2" ? Ring.F2 : Ring.Z;

    public static Command CreateEquivalent()
    {
        var a = new Argument<string>("a") { Description = "A scheme file (any format verify reads, exact coefficients)" };
        var b = new Argument<string>("b") { Description = "Another scheme file of the same shape" };
        var ring = RingOption();
        var bound = BoundOption();
        var json = new Option<bool>("--json") { Description = "Print the decision as one JSON object on stdout" };
        var command = new Command("equivalent",
            "Decide whether two schemes lie in one orbit of the symmetry group (basis changes P, Q, R, slot order and " +
            "scaling, and for square shapes the cyclic and transpose symmetries). EQUIVALENT (exit 0) prints the map, " +
            "checked exactly by mapping A onto B; NOT EQUIVALENT (1) names the invariant that differs; UNDECIDED (3) " +
            "when the bounded search finds neither; bad input 2")
        {
            a, b, ring, bound, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            long maxNodes = parse.GetValue(bound);
            if (maxNodes < 1) throw new UsageException($"--max-nodes {maxNodes} must be >= 1");
            var report = OrbitFiles.Equivalent(parse.GetValue(a)!, parse.GetValue(b)!, RingOf(parse.GetValue(ring)!), maxNodes);
            if (parse.GetValue(json)) Output.WriteJson(OrbitText.Json(report));
            else OrbitText.Print(report);
            return OrbitText.ExitCode(report.Result.Verdict);
        }));
        return command;
    }

    public static Command CreateClassify()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Scheme files, or directories of them (top level)",
            Arity = ArgumentArity.OneOrMore,
        };
        var ring = RingOption();
        var bound = BoundOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"schemes\": N, \"classes\": [{\"invariant\", \"files\", \"decided\"}], \"unreadable\"} on stdout",
        };
        var command = new Command("classify",
            "Group schemes into orbit classes: two share a class only when `equivalent` says EQUIVALENT, or, in a class " +
            "marked undecided, when every invariant agrees. Exit code 0, or 2 if a file could not be read (listed)")
        {
            files, ring, bound, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            long maxNodes = parse.GetValue(bound);
            if (maxNodes < 1) throw new UsageException($"--max-nodes {maxNodes} must be >= 1");
            var paths = VerifyBatch.Expand(parse.GetValue(files)!, out _);
            if (paths.Count == 0) throw new UsageException("no scheme files to classify");
            var report = OrbitFiles.Classify(paths, RingOf(parse.GetValue(ring)!), maxNodes);
            foreach (var (path, error) in report.Unreadable) Output.Error($"{error} ({path})");
            if (parse.GetValue(json)) Output.WriteJson(OrbitText.Json(report));
            else OrbitText.Print(report);
            return report.Unreadable.Count > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }));
        return command;
    }
}
