using System.Globalization;
using System.Text;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// OUT/discovery.md and its figures: the outcome counts with Wilson intervals, every run's test loss over the steps,
/// the Brent residual each run reached, the distinct schemes with their cost beside the best known rank, and their
/// orbit classes.
/// </summary>
public static class DiscoveryReport
{
    public static string Write(string outDir, DiscoverySummary s)
    {
        var figures = Path.Combine(outDir, "figures");
        Directory.CreateDirectory(figures);
        var specs = Figures(s);
        foreach (var spec in specs) AtomicFile.WriteAllBytes(Path.Combine(figures, spec.Id + ".png"), FigureRenderer.Render(spec).Png);
        var path = Path.Combine(outDir, "discovery.md");
        AtomicFile.WriteAllText(path, Markdown(s, specs, [.. s.Distinct.Select(d => d.Path)]));
        return path;
    }

    /// <summary>The summary table's rows: what was counted, how many, of how many, with a Wilson 95% interval.</summary>
    public static IReadOnlyList<(string What, int Count, ProportionInterval Interval)> Counts(DiscoverySummary s) =>
    [
        ("converged (kept slots satisfy the Brent equations)", s.Converged, WilsonInterval.Of(s.Converged, s.Trained)),
        ("exact after rounding (Q)", s.ExactAfterRounding, WilsonInterval.Of(s.ExactAfterRounding, s.Trained)),
        ("exact after crystallization", s.ExactAfterCrystallization, WilsonInterval.Of(s.ExactAfterCrystallization, s.Trained)),
    ];

    private static string Slots(DiscoveryTarget t) =>
        t.StartSlots == t.Rank ? $"{t.Rank} slots, none pruned" : $"{t.StartSlots} slots pruned to {t.Rank}";

    private static string Markdown(DiscoverySummary s, IReadOnlyList<FigureSpec> figures, IReadOnlyList<string> paths)
    {
        var t = s.Target;
        var md = new StringBuilder();
        md.AppendLine($"# Discovery: {t.Shape}, rank {t.Rank}");
        md.AppendLine();
        string best = s.BestKnownRank is int r ? $"{r}" : "not in our table";
        string how = s.Protocol == "train" ? $"protocol `train-strassen`, {Slots(t)}, B = {t.BatchSize}" : $"protocol `{s.Protocol}`";
        md.AppendLine($"{s.Trained} runs (seeds {t.FirstSeed}..{t.FirstSeed + s.Trained - 1}, {how}); {s.Diverged} diverged. " +
            $"Best known rank of {t.Shape}: {best}.");
        md.AppendLine();
        md.AppendLine($"Time: {s.Elapsed.TotalMinutes.ToString("0.00", CultureInfo.InvariantCulture)} min, CPU (user + system) {s.CpuTime.TotalMinutes.ToString("0.00", CultureInfo.InvariantCulture)} min: " +
            $"{(double.IsNaN(s.ExactPerCpuMinute) ? "-" : s.ExactPerCpuMinute.ToString("0.0", CultureInfo.InvariantCulture))} exact schemes per CPU-minute" + (s.Stopped ? "; stopped by a signal before the budget was spent." : "."));
        md.AppendLine();
        md.AppendLine("| | runs | share [95% CI] |");
        md.AppendLine("|---|---|---|");
        foreach (var (what, count, ci) in Counts(s))
            md.AppendLine($"| {what} | {count} of {s.Trained} | {Show.Pct(ci.Estimate)} [{Show.Pct(ci.Lower)}, {Show.Pct(ci.Upper)}] |");
        md.AppendLine($"| distinct exact schemes (slot order and signs aside) | {s.Distinct.Count} | |");
        var orbits = s.Orbits;
        md.AppendLine($"| orbit classes (decided, undecided) | {orbits.Classes.Count} ({orbits.Decided}, {orbits.Undecided}) | |");
        md.AppendLine();
        md.AppendLine($"Smallest Brent residual of any run's kept slots: {Sci(s.BestResidual)}.");
        md.AppendLine();
        if (s.Distinct.Count > 0)
        {
            var classOf = orbits.ClassOf(s.Distinct.Count);
            md.AppendLine("| scheme | orbit class | multiplications | additions (slot by slot) | additions (shared sums, greedy) | found by | seeds |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            for (int k = 0; k < s.Distinct.Count; k++)
            {
                var d = s.Distinct[k];
                md.AppendLine($"| `{Path.GetFileName(paths[k])}` | {classOf[k]} | {d.Scheme.Rank} | {d.Additions} | {d.SharedAdditions} | {d.FirstBy} | " +
                    $"{string.Join(", ", d.Seeds.Take(12))}{(d.Seeds.Count > 12 ? ", ..." : "")} |");
            }
            md.AppendLine();
            md.AppendLine("Additions one level down: slot by slot, each sum formed on its own (the catalogue's `complexity`; " +
                "Strassen 18, Winograd's variant 24), and with shared sums, greedy common subexpressions (Winograd's " +
                "variant 15; an upper bound on the fewest). docs/discover.md says how each is counted.");
            md.AppendLine();
            OrbitTable(md, s);
        }
        foreach (var f in figures) md.AppendLine($"![{f.Title}](figures/{f.Id}.png)").AppendLine();
        return md.ToString();
    }

    private static void OrbitTable(StringBuilder md, DiscoverySummary s)
    {
        var o = s.Orbits;
        md.AppendLine($"Orbit classes under the symmetry group (docs/orbits.md), computed once at the end in " +
            $"{o.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: the schemes of a decided class are " +
            "in one orbit (each mapped onto the first and checked exactly); those of an undecided class share every " +
            "invariant, but no map was found for some. Two classes differ in an invariant, so the " +
            $"{s.Distinct.Count} schemes lie in at least {o.Classes.Count} orbit{(o.Classes.Count == 1 ? "" : "s")}" +
            (o.Undecided == 0 ? ", exactly that many." : $" ({o.Undecided} classes undecided)."));
        md.AppendLine();
        md.AppendLine("| orbit class | schemes | decided | rank triples | invariant fingerprint |");
        md.AppendLine("|---|---|---|---|---|");
        for (int c = 0; c < o.Classes.Count; c++)
        {
            var k = o.Classes[c];
            md.AppendLine($"| {c + 1} | {k.Members.Count} | {(k.Decided ? "yes" : "no")} | {k.Invariant.RankTriplesText} | `{k.Invariant.Fingerprint}` |");
        }
        md.AppendLine();
    }

    public static IReadOnlyList<FigureSpec> Figures(DiscoverySummary s)
    {
        string id = $"discover-{s.Target.Shape.N}x{s.Target.Shape.M}x{s.Target.Shape.P}-rank-{s.Target.Rank}";
        var counts = Counts(s);
        double[] x = [1, 2, 3];
        var outcomes = new FigureSpec
        {
            Id = id + "-outcomes",
            Title = $"{s.Target.Shape}, rank {s.Target.Rank}: {s.Trained} runs",
            XLabel = "",
            YLabel = "share of runs",
            Kind = FigureKind.Bar,
            XTickLabels = ["converged", "exact after rounding", "exact after crystallization"],
            Series = [new FigureSeries("share [95% CI]", x, counts.Select(c => c.Interval.Estimate).ToArray(),
                counts.Select(c => c.Interval.Lower).ToArray(), counts.Select(c => c.Interval.Upper).ToArray())],
        };
        var alive = s.Runs.Where(r => r.Outcome is not null).ToList();
        var residuals = new FigureSpec
        {
            Id = id + "-residuals",
            Title = "Brent residual of each run's kept slots",
            XLabel = "seed",
            YLabel = "max |residual|",
            Kind = FigureKind.Scatter,
            LogY = true,
            Series = Enum.GetValues<ExactBy>().Select(by => (by, runs: alive.Where(r => r.ExactBy == by).ToList()))
                .Where(g => g.runs.Count > 0)
                .Select(g => new FigureSeries(g.by == ExactBy.Nothing ? "no exact scheme" : $"exact by {g.by}",
                    g.runs.Select(r => (double)r.Seed).ToArray(), g.runs.Select(r => Math.Max(r.BrentResidual, 1e-17)).ToArray()))
                .ToList(),
        };
        var curves = new FigureSpec
        {
            Id = id + "-loss",
            Title = "test loss over the steps (first 12 runs)",
            XLabel = "optimizer step",
            YLabel = "test loss",
            Kind = FigureKind.Line,
            LogY = true,
            Series = s.Runs.Take(12).Where(r => r.Curve.Count > 0)
                .Select(r => new FigureSeries($"seed {r.Seed}", r.Curve.Select(c => (double)c.Step).ToArray(),
                    r.Curve.Select(c => Math.Max(c.TestLoss, 1e-17)).ToArray()))
                .ToList(),
        };
        return [outcomes, residuals, curves];
    }

    private static string Sci(double x) => double.IsFinite(x) ? x.ToString("0.00e+00", CultureInfo.InvariantCulture) : "none";
}
