using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Cli;

/// <summary>The human text of a verdict (verify, a batch row's detail, train): one place, so every command prints it alike.</summary>
public static class VerificationText
{
    /// <param name="beforeVerdict">More lines of the same record (train's run), printed before the verdict.</param>
    public static void Print(VerificationReport r, Action? beforeVerdict = null)
    {
        var o = Console.Out;
        o.WriteLine($"{r.Path}{(r.Key is null ? "" : $" [{r.Key}]")}  ({r.Format}, shape <{string.Join(",", r.Shape)}>, {r.Slots} slots, {r.KeptSlots} kept)");
        if (r.Layout is not null) o.WriteLine($"  layout          {r.Layout} ({r.LayoutChoice})");
        o.WriteLine($"  delta           {Output.Sci(r.Delta)}");
        o.WriteLine($"  arithmetic      {r.ExactArithmetic} ({Arithmetic(r.ExactArithmetic)})");
        string field = r.ExactArithmetic == ExactArithmetic.Rational.ToWire() ? "Q" : r.Ring;
        string brent = r.BrentValid ? "valid"
            : $"INVALID: {r.BrentFailedEquations} of {r.BrentEquations} equations fail";
        o.WriteLine($"  Brent ({field,-2})      {brent}");
        string of = r.TransferSkipped is not null ? "mod 2"
            : r.ExactArithmetic == ExactArithmetic.Rounded.ToWire() ? "un-rounded kept slots" : "exact, as given";
        o.WriteLine($"  max residual    {Output.Sci(r.BrentMaxResidual)} ({of})");
        bool rational = r.ExactArithmetic == ExactArithmetic.Rational.ToWire();
        string paper = rational ? " (of Q of the kept slots, as the paper defines it)" : "";
        o.WriteLine($"  S(theta)        {r.STheta}{paper}");
        o.WriteLine($"  outcome         {r.Outcome.ToWire()}");
        o.WriteLine($"  Strassen's own  {(r.CanonicalStrassen ? "yes (up to slot order and signs)" : "no")}");
        if (r.Invariants is { } inv)
        {
            o.WriteLine($"  rank triples    {inv.RankTriplesText}");
            o.WriteLine(inv.PairRanks is { } pairs
                ? $"  pair ranks      {pairs.Count} kinds over {pairs.Sum(p => p[^1])} pairs (fingerprint {inv.Fingerprint})"
                : $"  pair ranks      not computed beyond {Crystallization.Orbits.OrbitInvariants.MaxSlotsForPairs} slots (fingerprint {inv.Fingerprint})");
        }
        if (r.TransferSkipped is not null) o.WriteLine($"  transfer        skipped: {r.TransferSkipped}");
        else PrintTransfer(r);
        if (r.Recovery is not null) PrintRecovery(r.Recovery, r.OutcomeAfterRecovery!.Value.ToWire());
        foreach (var note in r.Notes) o.WriteLine($"  note            {note}");
        if (SuggestRecovery(r))
            o.WriteLine("  try             --recover: lattice recovery looks for the exact integer scheme in another basis");
        beforeVerdict?.Invoke();
        o.WriteLine(r.Verdict);
    }

    private static string Arithmetic(string? wire) => wire switch
    {
        "integer" => "checked as given",
        "rational" => "exact fractions, checked as given over Q",
        _ => "real input: Q of it is checked",
    };

    /// <summary>Rounded real input of a 2x2 run that lands off the lattice, and recovery was not asked for.</summary>
    private static bool SuggestRecovery(VerificationReport r) =>
        r is { Outcome: Outcome.Continuous, Recovery: null, KeptSlots: 7 } &&
        r.ExactArithmetic == ExactArithmetic.Rounded.ToWire() && r.Shape is [2, 2, 2];

    /// <summary>The float errors as measured; the last column is the exact transfer where one ran (what VALID rests
    /// on), else the float64 criterion.</summary>
    private static void PrintTransfer(VerificationReport r)
    {
        var o = Console.Out;
        bool exact = r.ExactTransfer.Count == r.Transfer.Count && r.ExactTransfer.Count > 0;
        string how = exact ? $"; exact in {string.Join("/", r.ExactTransfer.Select(t => Arithmetic(t.Arithmetic)).Distinct())}, float errors measured" : "";
        o.WriteLine($"  transfer ({r.TransferOf}{how}):");
        o.WriteLine($"      size   abs err f32   rel err f32   rel err f64   {(exact ? "exact" : "pass")}");
        for (int i = 0; i < r.Transfer.Count; i++)
        {
            var t = r.Transfer[i];
            bool ok = exact ? r.ExactTransfer[i].Holds : t.Pass;
            o.WriteLine($"    {t.N,6}   {Output.Sci(t.MaxAbsErrorF32),11}   {Output.Sci(t.MaxRelErrorF32),11}   " +
                        $"{Output.Sci(t.MaxRelErrorF64),11}   {(ok ? "yes" : "NO")}");
        }
    }

    private static string Arithmetic(ExactTransferArithmetic a) => a switch
    {
        ExactTransferArithmetic.Int64 => "int64",
        ExactTransferArithmetic.Int128 => "int128",
        _ => "big integers",
    };

    /// <summary>The recovery lines of the human output.</summary>
    private static void PrintRecovery(RecoveryReport r, string outcomeAfter)
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
