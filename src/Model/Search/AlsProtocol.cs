using System.Text.Json.Nodes;
using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Model.Search;

/// <summary>
/// The `als` discovery protocol, every knob explicit: factors drawn N(0, InitScale^2) from the run's seed; up to
/// FitSweeps sweeps of alternating least squares on the Brent equations with a Tikhonov ridge that starts at Ridge
/// and shrinks by RidgeDecay each sweep down to RidgeFloor (the floor keeps the factors from the diverging norms of
/// border-rank approximations), every CheckEvery sweeps the residual checked and the slots rebalanced; a run whose
/// squared residual reaches FitResidual is handed to AlternatingRounding (Rounding's knobs). A run is a pure
/// function of (shape, rank, seed, protocol).
/// </summary>
public sealed record AlsProtocol
{
    public const string Name = "als";

    public double InitScale { get; init; } = 0.5;
    public int FitSweeps { get; init; } = 2000;
    public double Ridge { get; init; } = 0.01;
    public double RidgeDecay { get; init; } = 0.98;
    public double RidgeFloor { get; init; } = 1e-9;
    public int CheckEvery { get; init; } = 10;
    /// <summary>Squared Frobenius norm of the Brent residual at which fitting stops (and below which rounding starts).</summary>
    public double FitResidual { get; init; } = 1e-6;
    /// <summary>A run is rounded when fitting ended at a squared residual at most this.</summary>
    public double RoundBelow { get; init; } = 1e-3;
    public AlternatingRoundingOptions Rounding { get; init; } = new();
    /// <summary>
    /// A fitted run that rounding left inexact goes to the general crystallizer (dense Levenberg-Marquardt with rounding
    /// search, src/Crystallization/Crystallize/SchemeCrystallizer): slower, but it backs off bad fixes.
    /// </summary>
    public bool CrystallizerFallback { get; init; }

    /// <summary>Every knob, for the record written with the runs.</summary>
    public JsonObject ToJson() => new()
    {
        ["protocol"] = Name,
        ["initScale"] = InitScale,
        ["fitSweeps"] = FitSweeps,
        ["ridge"] = Ridge,
        ["ridgeDecay"] = RidgeDecay,
        ["ridgeFloor"] = RidgeFloor,
        ["checkEvery"] = CheckEvery,
        ["fitResidual"] = FitResidual,
        ["roundBelow"] = RoundBelow,
        ["crystallizerFallback"] = CrystallizerFallback,
        ["rounding"] = new JsonObject
        {
            ["sweeps"] = Rounding.Sweeps,
            ["pull"] = Rounding.Pull,
            ["growth"] = Rounding.Growth,
            ["fixTolerance"] = Rounding.FixTolerance,
            ["fixResidual"] = Rounding.FixResidual,
            ["maxMagnitude"] = Rounding.MaxMagnitude,
            ["prox"] = Rounding.Prox,
            ["balanceEvery"] = Rounding.BalanceEvery,
            ["fixPerSweep"] = Rounding.FixPerSweep,
            ["refitSweeps"] = Rounding.RefitSweeps,
        },
    };
}
