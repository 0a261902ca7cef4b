namespace StrassenRepro.Model;

/// <summary>Learning rate at an epoch, in PyTorch's closed forms (CosineAnnealingLR, CosineAnnealingWarmRestarts with T_mult = 1).</summary>
public static class LrSchedule
{
    public static double At(ScheduleKind kind, double baseLr, double etaMin, int t0, long epoch) =>
        Term(kind, t0, epoch) is double term ? Apply(baseLr, etaMin, term) : baseLr;

    /// <summary>
    /// The part every run of a population shares, 1 + cos(pi t / T), or null for a constant rate: engines get it once
    /// per step instead of one cosine per run.
    /// </summary>
    public static double? Term(ScheduleKind kind, int t0, long epoch) => kind switch
    {
        ScheduleKind.Constant => null,
        ScheduleKind.Cosine => 1 + Math.Cos(Math.PI * epoch / t0),
        ScheduleKind.CosineWarmRestarts => 1 + Math.Cos(Math.PI * (epoch % t0) / t0),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>eta_min + (base - eta_min) term / 2, in this order of operations (the closed form as PyTorch writes it).</summary>
    public static double Apply(double baseLr, double etaMin, double term) => etaMin + (baseLr - etaMin) * term / 2;
}
