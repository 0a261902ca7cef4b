namespace StrassenRepro.Reproduction.Upstream;

/// <summary>One row of run_all_experiments.py's experiment 1: a checkpoint at a batch size.</summary>
public sealed record UpstreamKappaRow(string Checkpoint, int BatchSize, double Kappa, double LambdaMax,
    double LambdaMin);
