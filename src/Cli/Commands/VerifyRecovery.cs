using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Readers;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Cli.Commands;

/// <summary>
/// `verify --recover` and `verify --out FILE`: lattice recovery of a continuous (or nearly converged)
/// &lt;2,2,2;7&gt; scheme, and writing the integer scheme that was obtained, directly or by recovery.
/// Kept apart from VerifyCommand so that command stays about reading and judging the input.
/// </summary>
public static class VerifyRecovery
{
    public static Option<bool> RecoverOption() => new("--recover")
    {
        Description = "When the outcome is 'continuous' (or 'unconverged' with Brent residual <= 0.05), look for the change of basis " +
                      "that turns the kept slots into an exact integer scheme; exit code 0 when a valid integer scheme was obtained",
    };

    public static Option<string?> OutOption() => new("--out")
    {
        Description = "Write the valid integer scheme (rounded directly, or recovered with --recover) to this file in our JSON format",
    };

    /// <summary>Adds the recovery (when asked) to the record and writes --out; printing is the caller's.</summary>
    public static VerificationReport Apply(Scheme input, VerificationReport report, bool recover, string? outPath)
    {
        var kept = input.SelectSlots(report.KeptSlotIndices);
        var before = Enum.Parse<Outcome>(report.Outcome, ignoreCase: true);
        var recovery = recover ? LatticeRecovery.TryRecoverIfWorthTrying(kept, before) : null;

        // Write the file first: if that fails the command ends with one line and exit code 2, and prints no verdict.
        if (outPath is not null) WriteScheme(outPath, report, Direct(kept), recovery);
        return recovery is null ? report : report with
        {
            Recovery = RecoveryReport.Of(recovery),
            OutcomeAfterRecovery = recovery.OutcomeAfter(before).ToWire(),
        };
    }

    /// <summary>Q of the kept slots (or the integral input as given) when it is exact over Z, else null.</summary>
    private static Scheme? Direct(Scheme kept)
    {
        var discrete = Verifier.Judged(kept);
        return BrentCheck.IsValid(discrete) ? discrete : null;
    }

    private static void WriteScheme(string path, VerificationReport report, Scheme? direct, RecoveryResult? recovery)
    {
        var scheme = direct ?? (recovery is { Succeeded: true } ? recovery.Scheme : null);
        if (scheme is null)
        {
            Console.Error.WriteLine($"strassen-repro: no valid integer scheme was obtained; {path} not written");
            return;
        }
        var metadata = new JsonObject
        {
            ["source"] = report.Path,
            ["obtainedBy"] = direct is not null ? "rounding (Q)" : "lattice recovery",
        };
        File.WriteAllText(path, SchemeJson.Write(scheme, metadata));
    }

    /// <summary>The recovery lines of the human output.</summary>
    public static void PrintRecovery(RecoveryReport r, string outcomeAfter)
    {
        var o = Console.Out;
        string verdict = r.Succeeded
            ? $"succeeded: exact integer scheme{(r.CanonicalStrassen ? ", Strassen's own coefficients up to slot order and signs" : "")} (rounding margin {Output.Sci(r.RoundingMargin!.Value)})"
            : r.Attempted ? $"failed: {r.Reason}" : $"not attempted: {r.Reason}";
        o.WriteLine($"  recovery        {verdict}");
        if (r.Succeeded)
            o.WriteLine($"  basis change    P = {Show(r.P!)}, Q = {Show(r.Q!)}, R = {Show(r.R!)}");
        o.WriteLine($"  after recovery  {outcomeAfter}");
    }

    private static string Show(double[][] m) =>
        $"[[{m[0][0]:0.####}, {m[0][1]:0.####}], [{m[1][0]:0.####}, {m[1][1]:0.####}]]";
}
