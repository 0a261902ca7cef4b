namespace StrassenRepro.Model;

/// <summary>
/// Where a population's wall-clock time went: set-up (data, inits, the engine and its device), the optimizer steps of
/// both phases (the engine's own throughput; on a GPU, up to the final copy back), the measurements between steps
/// (curve points and kappas, computed on the host from copies), and the hand-off (results, hashes).
/// </summary>
public sealed class TrainingClock
{
    public TimeSpan SetUp { get; private set; }
    public TimeSpan Steps { get; private set; }
    public TimeSpan Measuring { get; private set; }
    public TimeSpan HandOff { get; private set; }

    internal void Record(TimeSpan setUp, TimeSpan steps, TimeSpan measuring, TimeSpan handOff)
    {
        SetUp = setUp;
        Steps = steps;
        Measuring = measuring;
        HandOff = handOff;
    }
}
