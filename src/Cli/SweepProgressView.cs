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
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = p.BatchSize > 0 ? $"runs (B = {p.BatchSize})" : "runs";
                }));
            });
        return result;
    }

    public static string Line(SweepProgress p)
    {
        double perRun = p.Done > p.SkippedAsStored ? p.Elapsed.TotalSeconds / (p.Done - p.SkippedAsStored) : double.NaN;
        string eta = double.IsNaN(perRun) ? "?" : TimeSpan.FromSeconds(perRun * (p.Total - p.Done)).ToString(@"hh\:mm\:ss");
        return $"strassen-repro: {p.Done}/{p.Total} runs stored ({p.SkippedAsStored} from before){(p.BatchSize > 0 ? $", last population B = {p.BatchSize}" : "")}, elapsed {p.Elapsed:hh\\:mm\\:ss}, ETA {eta}";
    }

    /// <summary>Reports synchronously (System.Progress would post to the thread pool and lose ordering).</summary>
    private sealed class Progress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
