namespace StrassenRepro.Reproduction.Discovery;

/// <summary>How an exact scheme was obtained from a trained run.</summary>
public enum ExactBy
{
    /// <summary>None: the run's coefficients gave no exact scheme.</summary>
    Nothing,
    /// <summary>Q (round, clamp to [-1, 1]) of the kept slots already satisfies the Brent equations: the paper's way.</summary>
    Rounding,
    /// <summary>Lattice recovery (&lt;2,2,2;7&gt;: the basis change back to an integer scheme).</summary>
    LatticeRecovery,
    /// <summary>The general crystallizer (re-optimised rounding), for any shape.</summary>
    Crystallizer,
    /// <summary>The als protocol: alternating least squares, then AlternatingRounding (grid pull and projection).</summary>
    AlternatingRounding,
}
