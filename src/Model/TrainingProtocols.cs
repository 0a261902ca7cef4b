namespace StrassenRepro.Model;

/// <summary>
/// Training protocols: how one run trains, named (upstream, paper). A protocol never changes to make a claim pass;
/// variants get new names. (Study presets, in src/Reproduction, say how many runs each claim gets.)
/// </summary>
public static class TrainingProtocols
{
    public static readonly IReadOnlyList<string> Names = ["upstream", "paper"];

    /// <summary>
    /// The public code's numbers (claims.md): symmetric init N(0, 0.5^2), fresh N(0,1) batches, AdamW lr 0.02 wd 1e-4,
    /// clip 1.0, cosine warm restarts T_0 = 10000, 30000 steps; then decay-pruning 2000 steps and 10000 refinement
    /// steps with Adam lr 0.005 at batch 256, no clipping (the public sparsify() does not clip).
    /// </summary>
    public static RunConfig Upstream(long seed, int batchSize = 256) => new RunConfig
    {
        Protocol = "upstream",
        Seed = seed,
        BatchSize = batchSize,
    }.Validated();

    /// <summary>
    /// The paper's protocol as stated (B given, >= 1000 epochs, AdamW wd 1e-4, prune to 7, round), with the appendix
    /// choices lr 0.02 and cosine restarts T_0 = max(epochs/3, 100). "Epoch" needs a finite training set to mean a
    /// pass, so this protocol uses the public code's other scripts' fixed set: 1000 training pairs, 200 test pairs.
    /// </summary>
    public static RunConfig Paper(long seed, int batchSize, int epochs = 1000) => new RunConfig
    {
        Protocol = "paper",
        Seed = seed,
        BatchSize = batchSize,
        Data = "fixed:1000",
        TestSamples = 200,
        Phase1Epochs = epochs,
        ScheduleT0 = Math.Max(epochs / 3, 100),
    }.Validated();

    public static RunConfig ByName(string name, long seed, int batchSize) => name switch
    {
        "upstream" => Upstream(seed, batchSize),
        "paper" => Paper(seed, batchSize),
        _ => throw new ArgumentException($"unknown training protocol '{name}' (known: {string.Join(", ", Names)})"),
    };
}
