namespace StrassenRepro.Model;

/// <summary>Learning rate at an epoch, in PyTorch's closed forms (CosineAnnealingLR, CosineAnnealingWarmRestarts).</summary>
public static class LrSchedule
{
    public static double At(ScheduleKind kind, double baseLr, double etaMin, int t0, long epoch, int tMult = 1) =>
        Term(kind, t0, epoch, tMult) is double term ? Apply(baseLr, etaMin, term) : baseLr;

    /// <summary>
    /// The part every run of a population shares, 1 + cos(pi t / T), or null for a constant rate: engines get it once
    /// per step instead of one cosine per run.
    /// </summary>
    public static double? Term(ScheduleKind kind, int t0, long epoch, int tMult = 1) => kind switch
    {
        ScheduleKind.Constant => null,
        ScheduleKind.Cosine => 1 + Math.Cos(Math.PI * epoch / t0),
        ScheduleKind.CosineWarmRestarts when tMult == 1 => 1 + Math.Cos(Math.PI * (epoch % t0) / t0),
        ScheduleKind.CosineWarmRestarts => WarmRestartTerm(t0, epoch, tMult),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Periods T_0, T_0 T_mult, T_0 T_mult^2, ...: the position inside the current one, as PyTorch steps it.</summary>
    private static double WarmRestartTerm(int t0, long epoch, int tMult)
    {
        long current = epoch, period = t0;
        while (current >= period)
        {
            current -= period;
            period *= tMult;
        }
        return 1 + Math.Cos(Math.PI * current / period);
    }

    /// <summary>eta_min + (base - eta_min) term / 2, in this order of operations (the closed form as PyTorch writes it).</summary>
    public static double Apply(double baseLr, double etaMin, double term) => etaMin + (baseLr - etaMin) * term / 2;
}
