namespace StrassenRepro.Model;

/// <summary>Learning rate at an epoch, in PyTorch's closed forms (CosineAnnealingLR, CosineAnnealingWarmRestarts with T_mult = 1).</summary>
public static class LrSchedule
{
    public static double At(ScheduleKind kind, double baseLr, double etaMin, int t0, long epoch) => kind switch
    {
        ScheduleKind.Constant => baseLr,
        ScheduleKind.Cosine => etaMin + (baseLr - etaMin) * (1 + Math.Cos(Math.PI * epoch / t0)) / 2,
        ScheduleKind.CosineWarmRestarts => etaMin + (baseLr - etaMin) * (1 + Math.Cos(Math.PI * (epoch % t0) / t0)) / 2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
