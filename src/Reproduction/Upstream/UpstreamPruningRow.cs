namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One iteration as experiments/extended_experiments/results.txt prints it.</summary>
public sealed record UpstreamPruningRow(int Iteration, double Percent, int Pruned, double SparsityPercent,
    double AccuracyPercent, double Delta);
