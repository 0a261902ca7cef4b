using System.Globalization;

namespace StrassenRepro.Crystallization;

/// <summary>
/// The sentences that explain a verdict where its fields alone would puzzle a reader: an exact scheme whose float
/// transfer is poor, an exact check that contradicts the Brent equations, an outcome off the integer lattice.
/// </summary>
public static class VerdictNotes
{
    public static IReadOnlyList<string> Of(Judgement judgement, Outcome outcome, IReadOnlyList<TransferRow> transfer,
        IReadOnlyList<ExactTransferRow> exactTransfer, double residual, double tolerance)
    {
        var notes = new List<string>();
        var brent = judgement.Brent;
        if (brent.IsValid && exactTransfer.FirstOrDefault(t => !t.Holds) is { } broken)
            notes.Add($"the Brent equations hold, yet the exact transfer differs from A B in {broken.Mismatches} " +
                      $"entries at size {broken.N}: the two exact checks contradict each other, a defect of this " +
                      "harness (please report it)");
        // Valid input always has exact rows where it has float ones (neither runs over F2).
        if (brent.IsValid && exactTransfer.All(t => t.Holds)
            && transfer.Where(t => !t.Pass).MaxBy(t => t.MaxRelErrorF64) is { } worst)
            notes.Add($"numerically unstable: the scheme is exact (the exact transfer holds at every size), but its " +
                      $"float64 relative error reaches {Sci(worst.MaxRelErrorF64)} at size {worst.N}, over " +
                      $"{Sci(TransferTest.PassRelativeErrorF64)}: its coefficients amplify rounding");
        if (outcome == Outcome.Continuous)
            notes.Add(judgement.CheckedAsGiven
                ? "continuous: the scheme is exact as given, but Q (rounding to {-1, 0, 1}) breaks it, so S(theta) = 0 " +
                  "as the paper defines it"
                : $"continuous: Q of the kept slots fails {brent.FailedEquations} of {brent.EquationCount} Brent " +
                  $"equations, yet the un-rounded slots satisfy them to {Sci(residual)} (tolerance {Sci(tolerance)}): " +
                  "an exact algorithm off the integer lattice, most likely an integer scheme in another basis");
        if (outcome == Outcome.Unconverged)
            notes.Add($"unconverged: Q of the kept slots fails {brent.FailedEquations} of {brent.EquationCount} " +
                      $"Brent equations and the un-rounded slots miss them by {Sci(residual)}, over the tolerance " +
                      $"{Sci(tolerance)}");
        return notes;
    }

    private static string Sci(double x) => x.ToString("0.00e+00", CultureInfo.InvariantCulture);
}
