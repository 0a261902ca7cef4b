using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Folders;

namespace StrassenRepro.Cli;

/// <summary>The text of `verify DIR`: a tab-separated row per file, then the table by shape and ring and the verdict.</summary>
public static class BatchText
{
    public const string Header = "file\tformat\tlayout\tshape\tslots\tkept\tdelta\tmaxResidual\toutcome\tS\tstrassen\tafterRecovery\tverdict";

    public static string Row(FolderRow row)
    {
        if (row.Report is not { } r) return $"{row.Path}\tERROR\t{row.Error}";
        return string.Join('\t',
            r.Path + (r.Key is null ? "" : $"[{r.Key}]"), r.Format, r.Layout ?? "-", $"<{string.Join(",", r.Shape)}>", r.Slots, r.KeptSlots,
            Output.Sci(r.Delta), Output.Sci(r.BrentMaxResidual), r.Outcome.ToWire(), r.STheta, r.CanonicalStrassen ? "yes" : "no",
            r.OutcomeAfterRecovery?.ToWire() ?? "-", r.Verdict);
    }

    /// <summary>A blank line, the counts by shape and ring with their total, and the verdict as the last line.</summary>
    public static void PrintTable(FolderTally tally)
    {
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine($"{"shape",-12} {"ring",-4} {"valid",8} {"not valid",10} {"unreadable",11}");
        foreach (var line in tally.Lines())
            o.WriteLine($"{line.Shape,-12} {line.Ring,-4} {line.Valid,8} {line.NotValid,10} {line.Unreadable,11}");
        o.WriteLine($"{"total",-12} {"",-4} {tally.Valid,8} {tally.NotValid,10} {tally.Unreadable,11}");
        o.WriteLine(tally.Verdict);
    }
}
