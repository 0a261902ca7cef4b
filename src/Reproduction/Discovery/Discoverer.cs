using System.Diagnostics;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The `discover` job: runs of the chosen protocol, seed after seed, until the budget is spent or a signal stops it;
/// each run turned into an exact scheme where it finishes, each new distinct scheme (up to slot order and sign gauge)
/// written at once as a JSON scheme that `verify` accepts (DiscoveryFinds), and at the end, stopped or not, the distinct
/// schemes in orbit classes (DiscoveryOrbits) and the report of everything found.
/// </summary>
public static class Discoverer
{
    public static DiscoverySummary Run(DiscoverOptions o, IProgress<DiscoveryProgress>? progress = null, CancellationToken cancel = default)
    {
        var target = o.Target.Validated();
        var budget = o.EffectiveBudget.Validated();
        OutputFolder.Prepare(o.OutDir);
        string protocol = o.Protocol == DiscoveryProtocol.Train ? "train"
            : o.Als.CrystallizerFallback ? Model.Search.AlsProtocol.Name + "-crystallize" : Model.Search.AlsProtocol.Name;
        var finds = new DiscoveryFinds(o.OutDir, target, protocol, o.Format);
        var clock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        // The time budget ends a run in progress too; only the caller's token counts as a stop.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (budget.Time is { } t) deadline.CancelAfter(t);
        void Report() => progress?.Report(new DiscoveryProgress(finds.Runs, finds.Exact, finds.Distinct, clock.Elapsed, Cpu()));
        bool Spent() => budget.Spent(finds.Runs, finds.Exact, clock.Elapsed);
        var study = new DiscoveryStudy(o, target, finds, Report, Spent);
        try
        {
            if (o.Protocol == DiscoveryProtocol.Als) study.RunAls(deadline.Token);
            else study.RunTrain(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Stopped or out of time: every scheme found so far is already written.
        }
        var summary = finds.Summary(protocol, cancel.IsCancellationRequested, clock.Elapsed, Cpu());
        if (summary.Distinct.Count > 0)
        {
            // Once, at the end, stopped or not: its cost grows with the schemes (and their rank), unlike a run's.
            var last = new DiscoveryProgress(finds.Runs, finds.Exact, finds.Distinct, clock.Elapsed, Cpu());
            progress?.Report(last with { Classifying = true });
            summary = summary with { Orbits = DiscoveryOrbits.Of(summary.Distinct) };
            progress?.Report(last with { Orbits = summary.Orbits });
        }
        DiscoveryReport.Write(o.OutDir, summary);
        return summary;
    }
}
