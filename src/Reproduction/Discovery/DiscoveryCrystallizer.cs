using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// The general crystallizer as `discover` uses it: the kept slots of a trained run to an exact scheme of the same
/// shape and rank, or null. A fractional result is kept only when float64 holds it exactly (a dyadic scheme), so
/// that its JSON file is checked exactly over Q by `verify`; every result has passed the exact Brent check.
/// </summary>
public static class DiscoveryCrystallizer
{
    /// <summary>Deterministic (an iteration budget, no clock): a stored discovery gives the same schemes when re-read.</summary>
    public static CrystallizeOptions Options { get; } = new();

    public static Scheme? Exact(Scheme kept) => Exact(kept, Options);

    public static Scheme? Exact(Scheme kept, CrystallizeOptions options)
    {
        var result = SchemeCrystallizer.TryCrystallize(kept, options);
        if (!result.Succeeded) return null;
        var scheme = result.Scheme ?? result.Exact!.ToScheme();
        return IsExact(scheme) ? scheme : null;
    }

    /// <summary>The scheme's coefficients are integers or dyadic fractions and satisfy the Brent equations over Q.</summary>
    public static bool IsExact(Scheme scheme) =>
        BrentCheck.IsValid(scheme) || (RationalScheme.FromDyadic(scheme) is { } q && BrentCheck.Exact(q).IsValid);
}
