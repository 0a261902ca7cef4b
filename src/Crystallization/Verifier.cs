namespace StrassenRepro.Crystallization;

/// <summary>
/// The crystallization pipeline on one scheme: sparsify to k slots, Judgement (integer and exact rational
/// inputs are checked as given, other real inputs through Q), outcome class, canonical form, zero-shot transfer.
/// </summary>
public static class Verifier
{
    /// <summary>Why a check over F2 has no transfer table.</summary>
    public const string TransferSkippedModTwo =
        "over F2: a scheme valid modulo 2 need not multiply real matrices, so the real-number transfer is not run";

    /// <summary>The judgement of the slots a report kept (for --out, recovery and export, after Verify).</summary>
    /// <param name="declared">The file's exact fractions for all slots, when it gave any.</param>
    public static Judgement Judge(Scheme scheme, IReadOnlyList<int> keptIndices, Ring ring,
        RationalScheme? declared = null) =>
        Judgement.Of(scheme.SelectSlots(keptIndices), ring, declared?.SelectSlots(keptIndices));

    /// <param name="declared">The file's exact fractions ("p/q" in our JSON) for all slots, when it gave any.</param>
    public static VerificationReport Verify(Scheme scheme, VerificationOptions options, string path = "",
        string format = "memory", string? key = null, RationalScheme? declared = null)
    {
        int k = options.KeptSlotsFor(scheme);
        var keptIndices = Sparsifier.KeptSlots(scheme, k);
        var kept = scheme.SelectSlots(keptIndices);
        var judgement = Judge(scheme, keptIndices, options.Ring, declared);
        bool modTwo = options.Ring == Ring.F2;
        // Real coefficients mean nothing modulo 2; Q of them would be an answer to a question nobody asked.
        if (modTwo && judgement.Arithmetic != ExactArithmetic.Integer)
            throw new SchemeFormatException(
                "--ring F2 checks integer schemes modulo 2; the kept slots have non-integer coefficients");
        bool valid = judgement.Brent.IsValid;
        // Checked as given, the residual is the exact one; Q of real input leaves the un-rounded real residual.
        // Over F2 it is taken mod 2 (an equation is off by 0 or 1); the real one says nothing there.
        double residual = modTwo || judgement.CheckedAsGiven ? judgement.Brent.MaxResidual : BrentCheck.MaxResidual(kept);
        // The paper's S(theta): Q of the kept slots is exact. Checked as given, an integer scheme is its own Q
        // (up to the clamp that would break AlphaTensor's +-2); a rational one is rounded, exactly, for S only.
        bool sTheta = judgement.Arithmetic == ExactArithmetic.Rational
            ? BrentCheck.Exact(Discretizer.Q(judgement.Exact)).IsValid
            : valid;
        bool withinTolerance = residual <= options.ContinuousTolerance;
        var outcome = OutcomeOf(judgement, sTheta, withinTolerance);
        double delta = Discretizer.Delta(kept);

        // Transfer what was judged: as given (integer, rational) or Q of it when valid, else the un-rounded kept slots.
        // A scheme valid mod 2 need not multiply real matrices, so over F2 there is no transfer to run. The float
        // errors are measurements; an exact scheme's verdict rests on its exact transfer, never on float round-off.
        // An exact input that fails is transferred exactly too: its doubles (2^53 for 2^53 + 1) may multiply well.
        bool exactInput = valid || judgement.CheckedAsGiven;
        var transferred = exactInput ? judgement.Scheme : kept;
        var levels = options.TransferLevels ?? TransferTest.DefaultLevels(scheme.Shape);
        var transfer = modTwo ? [] : TransferTest.Run(transferred, levels, options.TransferSeed);
        var exactTransfer = modTwo || !exactInput ? [] : ExactTransfer.Run(judgement.Exact, levels, options.TransferSeed);
        bool transferOk = exactInput ? exactTransfer.All(t => t.Holds) : transfer.All(t => t.Pass);
        var notes = VerdictNotes.Of(judgement, outcome, transfer, exactTransfer, residual, options.ContinuousTolerance);

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
            InputIntegral = judgement.Arithmetic == ExactArithmetic.Integer,
            ExactArithmetic = judgement.Arithmetic.ToWire(),
            BrentValid = valid,
            BrentFailedEquations = judgement.Brent.FailedEquations,
            BrentEquations = judgement.Brent.EquationCount,
            BrentMaxResidual = residual,
            STheta = sTheta ? 1 : 0,
            Outcome = outcome,
            CanonicalStrassen = valid && CanonicalForm.IsStrassen(judgement.Scheme),
            Ring = options.Ring.ToString(),
            TransferOf = modTwo ? "none" : TransferOf(judgement),
            Transfer = transfer,
            ExactTransfer = exactTransfer,
            Notes = notes,
            TransferSkipped = modTwo ? TransferSkippedModTwo : null,
            Valid = valid && transferOk,
            // Orbit invariants of what was judged, in its ring: only a valid scheme's orbit is worth naming.
            Invariants = valid ? Orbits.OrbitInvariants.Of(Orbits.OrbitScheme.Of(judgement.Exact, options.Ring)) : null,
            Judgement = judgement,
        };
    }

    /// <summary>
    /// Verify, then lattice recovery where it is worth trying (&lt;2,2,2;7&gt;, continuous or nearly converged):
    /// both outcomes, the paper's (plain Q) and after recovery, as a trained run is stored and `verify --recover`
    /// reports them.
    /// </summary>
    public static VerificationReport VerifyWithRecovery(Scheme scheme, VerificationOptions options, string path = "",
        string format = "memory", string? key = null, RationalScheme? declared = null) =>
        WithRecovery(scheme, Verify(scheme, options, path, format, key, declared));

    /// <summary>The report with lattice recovery of its kept slots (attempted or not, and why).</summary>
    public static VerificationReport WithRecovery(Scheme scheme, VerificationReport report)
    {
        var recovery = Recovery.LatticeRecovery.TryRecoverIfWorthTrying(report.KeptOf(scheme), report.Outcome);
        return report with
        {
            Recovery = Recovery.RecoveryReport.Of(recovery),
            OutcomeAfterRecovery = recovery.OutcomeAfter(report.Outcome),
        };
    }

    /// <summary>
    /// claims.md's classes, with "invalid" for any input checked as given that fails (integer or rational: its
    /// Brent equations are decided exactly, so no tolerance applies), and "continuous" for an exact rational
    /// scheme that Q breaks (an exact algorithm off the integer lattice).
    /// </summary>
    private static Outcome OutcomeOf(Judgement judgement, bool sTheta, bool withinTolerance) =>
        sTheta && judgement.Brent.IsValid ? Outcome.Discrete
        : judgement.CheckedAsGiven ? (judgement.Brent.IsValid ? Outcome.Continuous : Outcome.Invalid)
        : withinTolerance ? Outcome.Continuous
        : Outcome.Unconverged;

    private static string TransferOf(Judgement judgement) =>
        judgement.Arithmetic == ExactArithmetic.Rational ? "rational"
        : judgement.Brent.IsValid ? "discretized" : "unrounded";
}
