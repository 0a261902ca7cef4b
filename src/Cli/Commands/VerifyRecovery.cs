using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;
using StrassenRepro.Formats;

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
        Description = "Write the valid scheme that was obtained to this file in our JSON format: the input as given " +
                      "(integers, or exact fractions when nothing integral was found) or Q of it, or the integer " +
                      "scheme recovered with --recover",
    };

    /// <summary>Adds the recovery (when asked) to the record and writes --out; printing is the caller's.</summary>
    /// <param name="exact">The input's exact fractions, when its file gave them (SchemeSource.Exact).</param>
    public static VerificationReport Apply(Scheme input, VerificationReport report, bool recover, string? outPath,
        RationalScheme? exact = null)
    {
        // --out writes a scheme exact over Z (or Q), whatever ring the record was judged in.
        var judgement = Verifier.Judge(input, report.KeptSlotIndices, Ring.Z, exact);
        var kept = input.SelectSlots(report.KeptSlotIndices);
        var before = Enum.Parse<Outcome>(report.Outcome, ignoreCase: true);
        var recovery = recover ? LatticeRecovery.TryRecoverIfWorthTrying(kept, before) : null;

        // Write the file first: if that fails the command ends with one line and exit code 2, and prints no verdict.
        if (outPath is not null) WriteScheme(outPath, report, judgement, recovery);
        return recovery is null ? report : report with
        {
            Recovery = RecoveryReport.Of(recovery),
            OutcomeAfterRecovery = recovery.OutcomeAfter(before).ToWire(),
        };
    }

    /// <summary>An integer scheme first (as given, Q of the input, or recovered), else the exact fractions.</summary>
    private static void WriteScheme(string path, VerificationReport report, Judgement judgement,
        RecoveryResult? recovery)
    {
        bool valid = judgement.Brent.IsValid;
        var metadata = new JsonObject { ["source"] = report.Path };
        string? text = null;
        if (valid && judgement.Rational is null)
        {
            bool asGiven = judgement.Arithmetic == ExactArithmetic.Integer;
            metadata["obtainedBy"] = asGiven ? "as given (integers)" : "rounding (Q)";
            text = SchemeJson.Write(judgement.Scheme, metadata);
        }
        else if (recovery is { Succeeded: true })
        {
            metadata["obtainedBy"] = "lattice recovery";
            text = SchemeJson.Write(recovery.Scheme!, metadata);
        }
        else if (valid)
        {
            metadata["obtainedBy"] = "as given (exact fractions, checked over Q)";
            text = SchemeJson.Write(judgement.Rational!, metadata);
        }
        if (text is null)
        {
            Console.Error.WriteLine($"strassen-repro: no scheme exact over Z or Q was obtained; {path} not written");
            return;
        }
        File.WriteAllText(path, text);
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
