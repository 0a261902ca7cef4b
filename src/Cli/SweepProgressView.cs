using Spectre.Console;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Cli;

/// <summary>
/// Progress of a sweep on stderr: a Spectre.Console bar with ETA on a terminal, one line per population
/// otherwise (CI logs), so stdout stays clean for --json.
/// </summary>
public sealed class SweepProgressView
{
    public static T Show<T>(Func<IProgress<SweepProgress>, T> work)
    {
        if (Console.IsErrorRedirected)
            return work(new Progress(p => Console.Error.WriteLine(Line(p))));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training runs", maxValue: 1);
                result = work(new Progress(p =>
                {
                    // Nothing to train (checkpoint-only claims) shows as done, not as 0 of 0 forever.
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Total == 0 ? 1 : p.Done;
                    task.Description = p.Stage == SweepStage.Crystallizing ? "crystallizing runs"
                        : p.Total == 0 ? NothingToTrain
                        : p.BatchSize > 0 ? $"runs (B = {p.BatchSize})" : "runs";
                }));
            });
        return result;
    }

    public const string NothingToTrain = "no runs to train: the selected claims need none";

    public static string Line(SweepProgress p)
    {
        if (p.Stage == SweepStage.Crystallizing)
            return $"strassen-repro: {p.Done}/{p.Total} stored runs crystallized, elapsed {p.Elapsed:hh\\:mm\\:ss}, ETA {Eta(p)}";
        if (p.Total == 0) return $"strassen-repro: {NothingToTrain}";
        return $"strassen-repro: {p.Done}/{p.Total} runs stored ({p.SkippedAsStored} from before){(p.BatchSize > 0 ? $", last population B = {p.BatchSize}" : "")}, elapsed {p.Elapsed:hh\\:mm\\:ss}, ETA {Eta(p)}";
    }

    private static string Eta(SweepProgress p)
    {
        double perRun = p.Done > p.SkippedAsStored ? p.Elapsed.TotalSeconds / (p.Done - p.SkippedAsStored) : double.NaN;
        return double.IsNaN(perRun) ? "?" : TimeSpan.FromSeconds(perRun * (p.Total - p.Done)).ToString(@"hh\:mm\:ss");
    }

    /// <summary>Reports synchronously (System.Progress would post to the thread pool and lose ordering).</summary>
    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
