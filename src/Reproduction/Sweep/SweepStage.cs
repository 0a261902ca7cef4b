namespace StrassenRepro.Reproduction.Sweep;

/// <summary>What a progress report counts: runs trained and stored, or (discover) stored runs turned into schemes.</summary>
public enum SweepStage
{
    Training,
    Crystallizing,
}
