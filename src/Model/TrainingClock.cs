namespace StrassenRepro.Model;

/// <summary>
/// Where a population's wall-clock time went: set-up (data, inits, the engine and its device), the optimizer steps of
/// both phases (the engine's own throughput; on a GPU, up to the final copy back), and the hand-off (results, hashes).
/// </summary>
public sealed class TrainingClock
{
    public TimeSpan SetUp { get; private set; }
    public TimeSpan Steps { get; private set; }
    public TimeSpan HandOff { get; private set; }

    internal void Record(TimeSpan setUp, TimeSpan steps, TimeSpan handOff)
    {
        SetUp = setUp;
        Steps = steps;
        HandOff = handOff;
    }
}
