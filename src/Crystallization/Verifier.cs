namespace StrassenRepro.Crystallization;

/// <summary>
/// The crystallization pipeline on one scheme: sparsify to k slots, Q, exact Brent check, outcome class,
/// canonical form, zero-shot transfer. An input whose coefficients are already integers is checked as
/// given (Q would clamp AlphaTensor's +-2 coefficients); real inputs go through Q.
/// </summary>
public static class Verifier
{
    /// <summary>The integer scheme that is judged: the kept slots as given when already integral, else Q of them.</summary>
    public static Scheme Judged(Scheme kept) => kept.IsIntegral ? kept : Discretizer.Q(kept);

    /// <summary>Why a check over F2 has no transfer table.</summary>
    public const string TransferSkippedModTwo =
        "over F2: a scheme valid modulo 2 need not multiply real matrices, so the real-number transfer is not run";

    public static VerificationReport Verify(Scheme scheme, VerificationOptions options, string path = "", string format = "memory", string? key = null)
    {
        int k = options.KeptSlotsFor(scheme);
        var keptIndices = Sparsifier.KeptSlots(scheme, k);
        var kept = scheme.SelectSlots(keptIndices);
        bool integral = kept.IsIntegral;
        bool modTwo = options.Ring == Ring.F2;
        // Real coefficients mean nothing modulo 2; Q of them would be an answer to a question nobody asked.
        if (modTwo && !integral)
            throw new SchemeFormatException("--ring F2 checks integer schemes modulo 2; the kept slots have non-integer coefficients");
        var discrete = Judged(kept);
        var brent = BrentCheck.Exact(discrete, options.Ring);
        bool valid = brent.IsValid;
        // Over F2 the residual is taken mod 2 (an equation is off by 0 or 1); the real one says nothing there.
        double residual = modTwo ? (valid ? 0 : 1) : BrentCheck.MaxResidual(kept);
        double delta = Discretizer.Delta(kept);

        var outcome = valid ? Outcome.Discrete
            : integral ? Outcome.Invalid
            : residual <= options.ContinuousTolerance ? Outcome.Continuous
            : Outcome.Unconverged;

        // Transfer the scheme that was judged: the integer one when it is valid, else the un-rounded kept slots.
        // A scheme valid mod 2 need not multiply real matrices, so over F2 there is no transfer to run.
        var transferred = valid ? discrete : kept;
        var levels = options.TransferLevels ?? TransferTest.DefaultLevels(scheme.Shape);
        var transfer = modTwo ? [] : TransferTest.Run(transferred, levels, options.TransferSeed);
        bool transferOk = transfer.All(t => t.Pass);

        return new VerificationReport
        {
            Path = path,
            Format = format,
            Key = key,
            Shape = [scheme.Shape.N, scheme.Shape.M, scheme.Shape.P],
            Slots = scheme.Rank,
            KeptSlots = k,
            KeptSlotIndices = keptIndices,
            SlotImportance = SlotImportance.Of(scheme),
            Delta = delta,
            Discretizable = delta <= Discretizer.DiscretizableMargin,
            InputIntegral = integral,
            BrentValid = valid,
            BrentFailedEquations = brent.FailedEquations,
            BrentEquations = brent.EquationCount,
            BrentMaxResidual = residual,
            STheta = valid ? 1 : 0,
            Outcome = outcome.ToWire(),
            CanonicalStrassen = valid && CanonicalForm.IsStrassen(discrete),
            Ring = options.Ring.ToString(),
            TransferOf = modTwo ? "none" : valid ? "discretized" : "unrounded",
            Transfer = transfer,
            TransferSkipped = modTwo ? TransferSkippedModTwo : null,
            Valid = valid && transferOk,
        };
    }
}
