namespace StrassenRepro.Model;

/// <summary>
/// The source maps of the training protocols: for each hyperparameter, the upstream `path:line` (commit
/// ProtocolSource.Commit) that sets it, or "choice: ..." where the protocol had to decide. Read from the scripts;
/// docs/upstream-map.md has the full reading.
/// </summary>
public static class ProtocolSources
{
    private const string TrainStrassen = "src/training/train_strassen.py";
    private const string Apendix = "experiments/apendix_experiments.py";
    private const string Rigorous = "experiments/statistics/rigorous_experiment.py";
    private const string Validate2 = "experiments/extended_experiments/validate2.py";

    /// <summary>
    /// The upstream script a named protocol follows, in a few words for --help and the README (one list, so a protocol
    /// cannot be listed without its script); `paper` follows none and says so.
    /// </summary>
    public static string Follows(string protocol) => protocol switch
    {
        "upstream" => $"{TrainStrassen} with U and V sharing one draw as in {Apendix}:57-65",
        "paper" => "no upstream script: the paper's own statement",
        _ => Of(protocol).Script,
    };

    /// <summary>Every protocol with the script it follows: "name (script)", joined by "; ".</summary>
    public static string Listing() =>
        string.Join("; ", TrainingProtocols.Names.Select(n => $"{n} ({Follows(n)})"));

    /// <summary>The source map of a named protocol; null for a custom configuration.</summary>
    public static ProtocolSource? Find(string protocol) =>
        TrainingProtocols.Names.Contains(protocol) ? Of(protocol) : null;

    public static ProtocolSource Of(string protocol) => protocol switch
    {
        "train-strassen" => new(TrainStrassen, TrainStrassenMap()),
        "upstream" => new(TrainStrassen, new Dictionary<string, string>(TrainStrassenMap())
        {
            ["init"] = $"choice (claims.md): U and V share one N(0, 0.5^2) draw as in {Apendix}:57-65; " +
                $"{TrainStrassen}:36-38 draws them independently (protocol train-strassen)",
            ["fallback"] = $"never taken: {TrainStrassen}:318-323 replaces a failed run by canonical Strassen; we judge the run",
        }),
        "apendix-experiments" => new(Apendix, new Dictionary<string, string>
        {
            ["slots"] = $"{Apendix}:53 (rank 8)",
            ["init"] = $"{Apendix}:57-65 (symmetric: U = V = randn * 0.5, W its own draw)",
            ["dataSeed"] = $"{Apendix}:94, :189-195 (torch.manual_seed(9999) after the model is built: every run trains on one stream)",
            ["testSamples"] = $"{Apendix}:93-97 (1000 fixed pairs)",
            ["data"] = $"{Apendix}:87-90, :206 (a fresh N(0,1) batch every step)",
            ["optimizer"] = $"{Apendix}:187, :192 (AdamW lr 0.02, weight_decay 1e-4)",
            ["clipNorm"] = $"{Apendix}:205-216 (clip_grad_norm_ 1.0)",
            ["schedule"] = $"{Apendix}:193, :216 (CosineAnnealingWarmRestarts T_0 = max(E // 3, 100), stepped every step)",
            ["phase1Epochs"] = $"{Apendix}:332-355 (E in 500, 1000, 2000, 5000), :434-448 (2000: the batch-size study)",
            ["activeThreshold"] = $"{Apendix}:274-320 (always prunes one slot: no count_active gate)",
            ["decaySteps"] = $"{Apendix}:274-320 (500 compounding decay steps, 1 - (step/500) 0.99)",
            ["refineSteps"] = $"{Apendix}:274-320 (500 refinement steps; the slot is not re-zeroed, which changes nothing: its Adam moments stay 0)",
            ["phase2BatchSize"] = $"{Apendix}:274-320 (the run's batch size)",
            ["phase2Lr"] = $"{Apendix}:274-320 (Adam lr 0.005)",
            ["success"] = $"{Apendix}:117-151, :322 (delta < 0.1 of all 8 slots, then Q; relative max error < 1e-5 on 1000 pairs, float32)",
            ["logging"] = $"choice: {Apendix}:234-255 draws extra batches while logging (kappa every 2 log intervals), which shifts its data stream; not reproduced",
        }),
        "rigorous-experiment" => new(Rigorous, new Dictionary<string, string>
        {
            ["slots"] = $"{Rigorous}:61-63, :106-112 (rank 7; no pruning)",
            ["init"] = $"{Rigorous}:71-73, :115-118 (xavier_uniform_ gain 0.1 on U, V, W)",
            ["data"] = $"{Rigorous}:80, :131-140, :185-186 (fixed: 1000 training pairs seeded 1000 + seed, 200 test pairs 1500 + seed)",
            ["seeds"] = $"{Rigorous}:178-189 (the run_id is overwritten by the data seeds: the 3 runs per seed are one computation)",
            ["optimizer"] = $"{Rigorous}:66-67, :190-194 (SGD lr 0.01, weight_decay 0, no momentum)",
            ["clipNorm"] = $"{Rigorous}:68, :219-223 (none; the clip call sits before backward and would do nothing)",
            ["schedule"] = $"choice: none, as {Rigorous} has no scheduler",
            ["phase1Epochs"] = $"{Rigorous}:69, :202-227 (1000 epochs, randperm each epoch, last batch partial)",
            ["batchSize"] = $"{Rigorous}:269-273 (B in 8, 16, 32, 64, 128)",
            ["discretization"] = $"{Rigorous}:143-166 (mean distance of all weights to the nearest of -1, 0, 1; never rounds or verifies)",
        }),
        "validate2" => new(Validate2, new Dictionary<string, string>
        {
            ["slots"] = $"{Validate2}:59-119 (rank 8)",
            ["init"] = $"{Validate2}:139-154 (randn * 0.5, then overwritten by xavier_uniform_ gain 1)",
            ["dataSeed"] = $"{Validate2}:225-270, :1023-1027 (StrassenDataGenerator reseeds torch to 42 after the model is built)",
            ["data"] = $"{Validate2}:1029-1050 (a fresh N(0,1) batch every step)",
            ["optimizer"] = $"{Validate2}:929-961, :1029-1050 (AdamW, lr and wd from 11 hand-written configurations)",
            ["clipNorm"] = $"{Validate2}:1029-1050 (none)",
            ["schedule"] = $"{Validate2}:800-802, :1029-1050 (CosineAnnealingWarmRestarts T_0 = 1000, T_mult = 2, every step)",
            ["phase1Epochs"] = $"{Validate2}:2428, :2453 (3000)",
            ["batchSize"] = $"{Validate2}:929-961 (256, 32 or 1024)",
            ["prune"] = $"{Validate2}:1029-1050 (no pruning, no rounding)",
            ["label"] = $"{Validate2}:1072-1082 (grokked iff >= 99.9% of 5000 fresh pairs have max abs error < 1e-3)",
        }),
        "paper" => new("paper (trajectory-geometry-paper.md)", new Dictionary<string, string>
        {
            ["protocol"] = "the paper's statement: B given, >= 1000 epochs, AdamW wd 1e-4, prune to 7, round",
            ["schedule"] = $"{Apendix}:193 (T_0 = max(E // 3, 100))",
            ["data"] = $"choice: a fixed set of 1000 pairs (200 test), as {Rigorous}:131-140, so that an epoch is a pass",
        }),
        _ => throw new ArgumentException($"unknown training protocol '{protocol}'"),
    };

    private static Dictionary<string, string> TrainStrassenMap() => new()
    {
        ["slots"] = $"{TrainStrassen}:33-38, :76 (rank 8)",
        ["init"] = $"{TrainStrassen}:36-38 (U, V, W independent randn * 0.5)",
        ["data"] = $"{TrainStrassen}:60-63, :81-83 (a fresh N(0,1) batch every step)",
        ["phase1Epochs"] = $"{TrainStrassen}:66, :80-81, :307 (30000 steps)",
        ["batchSize"] = $"{TrainStrassen}:66, :307 (256)",
        ["optimizer"] = $"{TrainStrassen}:66, :77, :307 (AdamW lr 0.02, weight_decay 1e-4)",
        ["clipNorm"] = $"{TrainStrassen}:89 (clip_grad_norm_ 1.0)",
        ["schedule"] = $"{TrainStrassen}:78, :91 (CosineAnnealingWarmRestarts T_0 = 10000, stepped every step)",
        ["activeThreshold"] = $"{TrainStrassen}:56-57, :309-312 (Phase 2 only if more than 7 slots have importance > 0.1)",
        ["targetSlots"] = $"{TrainStrassen}:113-116 (prune the least important slot)",
        ["phase2Lr"] = $"{TrainStrassen}:111 (one Adam lr 0.005 for the decay and the refinement)",
        ["decaySteps"] = $"{TrainStrassen}:122-128 (2000 steps; decay = 1 - (step/2000) 0.99 multiplied in place: compounding)",
        ["refineSteps"] = $"{TrainStrassen}:153-178 (10000 steps, the slot's gradients zeroed, the slot re-zeroed)",
        ["phase2BatchSize"] = $"{TrainStrassen}:130-140 (256)",
        ["success"] = $"{TrainStrassen}:260-296 (max abs error < 1e-5 on 10000 fresh pairs, float32; no delta gate)",
        ["fallback"] = $"{TrainStrassen}:318-323, :329 (a failed run is replaced by canonical Strassen and reported as a success)",
    };
}
