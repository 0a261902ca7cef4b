namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// When `discover` stops on its own: after Runs runs, after Time, or once UntilExact runs gave an exact scheme,
/// whichever comes first; a null bound does not count. With no bound at all it runs until stopped (SIGINT).
/// </summary>
public sealed record DiscoveryBudget(int? Runs = null, TimeSpan? Time = null, int? UntilExact = null)
{
    public bool Spent(int runs, int exact, TimeSpan elapsed) =>
        runs >= (Runs ?? int.MaxValue) || exact >= (UntilExact ?? int.MaxValue) || elapsed >= (Time ?? TimeSpan.MaxValue);

    public DiscoveryBudget Validated()
    {
        if (Runs is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Runs), Runs, "runs must be in 1..1000000");
        if (Time is { } t && t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Time), t, "time must be positive");
        if (UntilExact is < 1) throw new ArgumentOutOfRangeException(nameof(UntilExact), UntilExact, "until must be >= 1");
        return this;
    }
}
