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
                      "scheme recovered with --recover. Its folder must exist",
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
}
