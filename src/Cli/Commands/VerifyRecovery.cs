using System.CommandLine;
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

    /// <summary>
    /// Writes --out before anything is printed: if that fails the command ends with one line and exit code 2, and
    /// prints no verdict.
    /// </summary>
    public static void WriteOut(string? outPath, VerifiedFile file)
    {
        if (outPath is null) return;
        if (!ObtainedSchemeFile.Write(outPath, file))
            Console.Error.WriteLine($"strassen-repro: no scheme exact over Z or Q was obtained; {outPath} not written");
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
