using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Upstream.Traces;

/// <summary>C6: no script transfers, or even keeps, a failed run.</summary>
public sealed class C6FailuresOrigin : IOriginTrace
{
    public string ClaimId => "C6";

    public OriginEvidence Trace(ClaimContext context) => new(new ClaimOrigin(ClaimId,
    [
        NumberTrace.WithoutScript("failed runs reach low 2x2 loss but cannot transfer",
            "the 32% failures: generalizing local minima, not Strassen",
            "none: verify_checkpoints.py:205-207 expands a scheme only when S = 1, and train_strassen.py:318-323 "
                + "replaces a failed run by canonical Strassen before anything else sees it",
            "claim C6: outcome classes, exact transfer of un-rounded coefficients and lattice recovery of every failed "
                + "run",
            "The paper's 32% is 1 - 68% (C1); its 'high accuracy (> 89%)' of failures is C10's modular arithmetic.",
            "no upstream script measures failed runs"),
    ]), [], []);
}
