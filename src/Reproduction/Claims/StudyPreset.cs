using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// A study preset: how many runs each claim's design gets (the designs themselves live with their claims:
/// SuccessDesign for the claims that share the C1/C2 runs, each other claim's in its Plan). `quick` gives every
/// claim a verdict in minutes on 2 cores (inconclusive allowed); `paper` follows the paper's designs; `smoke`
/// checks the mechanics in seconds; `gpu` is sized for the gpu engine. Every run trains with a training protocol
/// (Model's TrainingProtocols; `upstream` by default: the public code's numbers).
/// </summary>
public sealed record StudyPreset
{
    public required string Name { get; init; }

    /// <summary>Training protocol (TrainingProtocols) of every run: upstream or paper.</summary>
    public string Protocol { get; init; } = "upstream";

    /// <summary>C1/C2 design: (batch size, first seed, seeds) blocks; distinct seeds per block. Quick adds B = 256 and 512
    /// (outside the paper's range on the large side) to the paper's batch sizes.</summary>
    public required IReadOnlyList<(int BatchSize, int FirstSeed, int Seeds)> SuccessDesign { get; init; }

    /// <summary>C3: Phase 1 alone (no pruning), at this batch size, this many seeds.</summary>
    public int PhaseOneAloneBatchSize { get; init; } = 32;
    public int PhaseOneAloneRuns { get; init; } = 10;

    /// <summary>C4: noise levels and draws per level and variant.</summary>
    public IReadOnlyList<double> NoiseSigmas { get; init; } = [0.001, 0.005, 0.01, 0.05];
    public int NoiseTrials { get; init; } = 200;

    /// <summary>C8: the kappa sweep over batch size, weight decay and learning rate (3000 epochs), this many runs.</summary>
    public int KappaSweepRuns { get; init; } = 30;

    /// <summary>C10: runs at B = 32 with kappa measured (the paper: N = 50).</summary>
    public int FailureAnalysisRuns { get; init; } = 30;

    /// <summary>C11: runs with a fixed training set (the `paper` protocol, fixed:1000), curves every epoch.</summary>
    public int GrokkingRuns { get; init; } = 10;

    /// <summary>
    /// Provenance (C1): runs of the `train-strassen` protocol (train_strassen.py runs one seed per call) at B = 256.
    /// </summary>
    public int TrainStrassenRuns { get; init; } = 10;

    /// <summary>Provenance (C8): validate2.py's balanced runs (the paper reports N = 20 and N = 60).</summary>
    public int BalancedRuns { get; init; } = 20;

    /// <summary>
    /// Provenance (C1, C2, C3): how many of an upstream script's own seeds its re-executed design uses; null = all of
    /// them (the script's design). Only smoke takes fewer.
    /// </summary>
    public int? UpstreamSeeds { get; init; }

    /// <summary>Per-sample gradients in each kappa probe (more than the 96 parameters).</summary>
    public const int KappaSamples = 256;

    /// <summary>Runs trained together as one population (at most; grouped by batch size).</summary>
    public int PopulationSize { get; init; } = 256;

    /// <summary>Shorter runs than the protocol's, for the smoke preset only (null = the protocol's own numbers).</summary>
    public int? Phase1Epochs { get; init; }
    public int? Phase2Steps { get; init; }

    public static readonly IReadOnlyList<string> Names = ["quick", "study", "paper", "smoke", "gpu"];

    /// <summary>Seconds, not minutes: checks the mechanics end to end; its verdicts say nothing about the paper.</summary>
    public static StudyPreset Smoke => new()
    {
        Name = "smoke",
        SuccessDesign = [(16, 1, 2), (32, 1, 2), (64, 1, 2), (128, 1, 2), (256, 1, 2)],
        PhaseOneAloneRuns = 2,
        NoiseTrials = 20,
        KappaSweepRuns = 4,
        FailureAnalysisRuns = 2,
        GrokkingRuns = 2,
        TrainStrassenRuns = 2,
        BalancedRuns = 4,
        UpstreamSeeds = 2,
        Phase1Epochs = 200,
        Phase2Steps = 50,
    };

    public static StudyPreset Quick => new()
    {
        Name = "quick",
        SuccessDesign = [(8, 1, 20), (16, 1, 20), (24, 1, 20), (32, 1, 20), (48, 1, 20), (64, 1, 20), (96, 1, 20), (128, 1, 20), (256, 1, 20), (512, 1, 20)],
        PhaseOneAloneRuns = 20,
        NoiseTrials = 200,
    };

    /// <summary>
    /// Sized for the cpu engine on 2 cores to decide the claims the quick preset leaves open: 500 seeds at each C1/C2
    /// batch size (about 1 success in 400 runs gives C5 and C12 their successes and C1/C2 intervals of about +-1
    /// point), a C8 sweep of 4,000 runs over its grid (a first study's 1,000 held 2 successes, short of the rule's 3:
    /// at that rate 4,000 hold 3 or more with probability 0.986), and the paper's designs for the other claims.
    /// </summary>
    public static StudyPreset Study => Paper with
    {
        Name = "study",
        SuccessDesign = [(8, 1, 500), (16, 1, 500), (24, 1, 500), (32, 1, 500), (48, 1, 500), (64, 1, 500), (96, 1, 500), (128, 1, 500), (256, 1, 500), (512, 1, 500)],
        PhaseOneAloneRuns = 100,
        KappaSweepRuns = 4000,
    };

    /// <summary>The paper's C1/C2 designs: B in {8,16,32,64,128} x 15 and B in {8,16,24,32,48,64,96,128} x 15 (195 runs).</summary>
    public static StudyPreset Paper => new()
    {
        Name = "paper",
        SuccessDesign =
        [
            (8, 1, 15), (16, 1, 15), (32, 1, 15), (64, 1, 15), (128, 1, 15),
            (8, 101, 15), (16, 101, 15), (24, 101, 15), (32, 101, 15), (48, 101, 15), (64, 101, 15), (96, 101, 15), (128, 101, 15),
        ],
        PhaseOneAloneRuns = 30,
        NoiseTrials = 1000,
        KappaSweepRuns = 60,
        FailureAnalysisRuns = 50,
        GrokkingRuns = 20,
        TrainStrassenRuns = 30,
        BalancedRuns = 60,
    };

    /// <summary>
    /// Sized for the gpu engine (the weekly workflow): 10,000 seeds per batch size for C1/C2, so that a success rate near
    /// 1% gets an interval of about +-0.2 points, in populations of all the seeds of a batch size; the paper's designs for
    /// the other claims. Measured on an H200 the engine steps about 60 million runs a second at B = 32 with 2^16 or more
    /// runs in a population (src/Model/README.md).
    /// </summary>
    public static StudyPreset Gpu => Paper with
    {
        Name = "gpu",
        SuccessDesign = [(8, 1, 10000), (16, 1, 10000), (24, 1, 10000), (32, 1, 10000), (48, 1, 10000), (64, 1, 10000), (96, 1, 10000), (128, 1, 10000), (256, 1, 10000)],
        PopulationSize = 16384,
    };

    public static StudyPreset ByName(string name) => name switch
    {
        "quick" => Quick,
        "study" => Study,
        "paper" => Paper,
        "smoke" => Smoke,
        "gpu" => Gpu,
        _ => throw new ArgumentException($"unknown study preset '{name}' (known: {string.Join(", ", Names)})"),
    };

    /// <summary>A run of this preset's protocol, validated and shortened where the preset says so (smoke).</summary>
    public RunConfig Run(long seed, int batchSize) => Shaped(TrainingProtocols.ByName(Protocol, seed, batchSize));

    /// <summary>Kappa measured at the end of Phase 1 with KappaSamples per-sample gradients (C8, C10).</summary>
    public static RunConfig WithKappa(RunConfig c) => c with { KappaSteps = [c.Phase1Steps], KappaSamples = KappaSamples };

    /// <summary>The run, validated, with the smoke preset's shorter phases when it has them.</summary>
    public RunConfig Shaped(RunConfig c)
    {
        // The smoke preset's Phase 1 is about Phase1Epochs steps: a protocol whose epoch is a pass over a fixed data
        // set (rigorous-experiment: 1000 samples, 125 steps at B = 8) gets the epochs that make about that many steps.
        if (Phase1Epochs is int e)
        {
            int epochs = Math.Max(1, (e + c.StepsPerEpoch - 1) / c.StepsPerEpoch);
            c = c with { Phase1Epochs = epochs, ScheduleT0 = Math.Max(1, Math.Min(c.ScheduleT0, epochs)) };
        }
        if (Phase2Steps is int s) c = c with { DecaySteps = s, RefineSteps = s, Phase2BatchSize = Math.Min(c.Phase2BatchSize, 64) };
        return c.Validated();
    }
}
