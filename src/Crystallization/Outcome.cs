using System.Text.Json.Serialization;

namespace StrassenRepro.Crystallization;

/// <summary>The outcome of a run or checkpoint after sparsify + Q (claims.md, Definitions).</summary>
[JsonConverter(typeof(OutcomeJson))]
public enum Outcome
{
    /// <summary>S = 1: Q of the kept slots is an exact scheme.</summary>
    Discrete,

    /// <summary>S = 0, but the un-rounded kept slots satisfy the Brent equations within the tolerance.</summary>
    Continuous,

    /// <summary>Neither.</summary>
    Unconverged,

    /// <summary>The input was already on the lattice (delta = 0) and fails the Brent equations.</summary>
    Invalid,

    /// <summary>A trained run whose weights became non-finite: nothing to verify.</summary>
    Diverged,
}
