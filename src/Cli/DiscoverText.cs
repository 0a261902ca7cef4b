using StrassenRepro.Reproduction.Discovery;

namespace StrassenRepro.Cli;

/// <summary>What `discover` prints: the summary as text or one JSON object, and the last line both end with.</summary>
public static class DiscoverText
{
    public static string Conclusion(DiscoverySummary s, StopSignals? stopped)
    {
        string found = s.Distinct.Count > 0
            ? $"found {s.Distinct.Count} distinct exact scheme{(s.Distinct.Count == 1 ? "" : "s")} of {s.Target.Shape} rank {s.Target.Rank}"
              + $" (best known rank {(s.BestKnownRank is int b ? b : "unknown")}) in {s.Orbits.Classes.Count} orbit"
              + $" class{(s.Orbits.Classes.Count == 1 ? "" : "es")} ({s.Orbits.Undecided} undecided); fewest additions {s.Distinct[0].Additions}"
              + $" ({s.Distinct.Min(d => d.SharedAdditions)} with shared sums)"
            : $"no exact scheme of {s.Target.Shape} rank {s.Target.Rank}: smallest Brent residual {Output.Sci(s.BestResidual)}";
        return stopped is null ? found
            : $"stopped by {stopped.Received} after {s.Trained} runs: {found}; every scheme found is written"
              + (s.Protocol == "train" ? "; continue with the same command and --resume" : "");
    }

    /// <summary>Prints the summary (text, or JSON with json) and returns the exit code the last line stands for.</summary>
    public static int Print(DiscoverySummary s, string outDir, bool json, StopSignals? stopped)
    {
        string last = Conclusion(s, stopped);
        int exit = stopped is not null ? stopped.ExitCode : s.Distinct.Count > 0 ? ExitCodes.Success : ExitCodes.VerifiedFailure;
        string report = Path.Combine(outDir, "discovery.md");
        var classOf = s.Orbits.ClassOf(s.Distinct.Count);
        if (json)
        {
            Output.WriteJson(new
            {
                shape = new[] { s.Target.Shape.N, s.Target.Shape.M, s.Target.Shape.P },
                rank = s.Target.Rank,
                protocol = s.Protocol,
                format = s.Format == SchemeFileFormat.Catalogue ? "catalogue" : "json",
                stopped = s.Stopped,
                minutes = s.Elapsed.TotalMinutes,
                cpuMinutes = s.CpuTime.TotalMinutes,
                exactPerCpuMinute = double.IsNaN(s.ExactPerCpuMinute) ? (double?)null : s.ExactPerCpuMinute,
                bestKnownRank = s.BestKnownRank,
                runs = s.Trained,
                diverged = s.Diverged,
                converged = s.Converged,
                exactAfterRounding = s.ExactAfterRounding,
                exactAfterCrystallization = s.ExactAfterCrystallization,
                distinctSchemes = s.Distinct.Count,
                orbitClasses = s.Orbits.Classes.Count,
                orbitClassesDecided = s.Orbits.Decided,
                orbitClassesUndecided = s.Orbits.Undecided,
                orbitSeconds = s.Orbits.Elapsed.TotalSeconds,
                smallestResidual = s.BestResidual,
                classes = s.Orbits.Classes.Select((c, k) => new
                {
                    orbitClass = k + 1,
                    decided = c.Decided,
                    rankTriples = c.Invariant.RankTriplesText,
                    fingerprint = c.Invariant.Fingerprint,
                    schemes = c.Members.Select(m => s.Distinct[m].Path),
                }),
                schemes = s.Distinct.Select((d, k) => new
                {
                    path = d.Path,
                    orbitClass = classOf[k],
                    multiplications = d.Scheme.Rank,
                    additions = d.Additions,
                    sharedAdditions = d.SharedAdditions,
                    foundBy = d.FirstBy.ToString(),
                    seeds = d.Seeds,
                }),
                report,
                conclusion = last,
                exitCode = exit,
            });
            return exit;
        }
        var o = Console.Out;
        o.WriteLine($"discover {s.Target.Shape} rank {s.Target.Rank} (best known rank {(s.BestKnownRank is int k2 ? k2 : "unknown")})");
        o.WriteLine($"  protocol                      {s.Protocol}");
        o.WriteLine($"  runs                          {s.Trained} ({s.Diverged} diverged)");
        o.WriteLine($"  converged                     {s.Converged}");
        o.WriteLine($"  exact after rounding          {s.ExactAfterRounding}");
        o.WriteLine($"  exact after crystallization   {s.ExactAfterCrystallization}");
        o.WriteLine($"  distinct schemes              {s.Distinct.Count}");
        o.WriteLine($"  orbit classes                 {s.Orbits.Classes.Count} ({s.Orbits.Decided} decided, {s.Orbits.Undecided} undecided; {s.Orbits.Elapsed.TotalSeconds:F1} s)");
        o.WriteLine($"  CPU minutes (user + system)   {s.CpuTime.TotalMinutes:F2} ({(double.IsNaN(s.ExactPerCpuMinute) ? "-" : s.ExactPerCpuMinute.ToString("F1"))} exact per CPU-minute)");
        for (int k = 0; k < s.Distinct.Count; k++)
        {
            var d = s.Distinct[k];
            o.WriteLine($"    {d.Path}  (orbit class {classOf[k]}, {d.Scheme.Rank} multiplications, {d.Additions} additions, {d.SharedAdditions} with shared sums, {d.FirstBy})");
        }
        o.WriteLine($"  report                        {report}");
        o.WriteLine(last);
        return exit;
    }
}
