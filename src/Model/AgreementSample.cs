namespace StrassenRepro.Model;

/// <summary>How far two engines' trajectories drift apart: the same runs trained on both, coefficients compared.</summary>
public sealed record AgreementSample(int Runs, int BatchSize, int Steps, double MaxAbsDifference, double MaxRelativeDifference, int IdenticalRuns);
