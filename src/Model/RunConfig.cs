using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// Every hyperparameter of one run, explicit. A run is a pure function of this record; the SHA-256 of its canonical
/// JSON (declaration order, camelCase, shortest round-trip numbers) identifies the run.
/// Epochs: with fresh data one epoch is one optimizer step on a new batch (the public code); with fixed:N data one
/// epoch is one shuffled pass, ceil(N / batch) steps. Schedules advance once per epoch, T_0 is in epochs.
/// </summary>
public sealed record RunConfig
{
    /// <summary>The training protocol this run follows (TrainingProtocols), "custom" when edited; stored as "preset".</summary>
    [JsonPropertyName("preset")]
    public string Protocol { get; init; } = "custom";
    public long Seed { get; init; }
    /// <summary>
    /// The product &lt;n,m,p&gt; the model learns, as [n, m, p]; null = &lt;2,2,2&gt;. Left out of the JSON when null, so
    /// every 2x2 run keeps its hash.
    /// </summary>
    [JsonPropertyName("shape")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Dimensions { get; init; }
    public int Slots { get; init; } = 8;
    public InitKind Init { get; init; } = InitKind.Symmetric;
    public double InitStd { get; init; } = 0.5;
    /// <summary>Xavier init only: the gain (the other inits ignore it). Left out of the JSON when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double InitGain { get; init; }

    /// <summary>
    /// Key of the run's data streams (batches, fixed training set and its shuffles, test set, kappa probes); null = Seed.
    /// Scripts that reseed after building the model (apendix_experiments: 9999, validate2: 42) give every run one data
    /// stream and only the init differs; this says so. Left out of the JSON when null, so older runs keep their hash.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? DataSeed { get; init; }

    /// <summary>"fresh" (a new N(0,1) batch every step) or "fixed:N" (N training samples, passes over them).</summary>
    public string Data { get; init; } = "fresh";
    /// <summary>Size of the run's fixed test set (for the test-loss curve).</summary>
    public int TestSamples { get; init; } = 1000;

    // Phase 1: AdamW (PyTorch semantics) with gradient-norm clipping and a schedule.
    public int BatchSize { get; init; } = 256;
    public int Phase1Epochs { get; init; } = 30000;
    /// <summary>Phase 1's optimizer; left out of the JSON when AdamW.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public OptimizerKind Optimizer { get; init; }
    public double Lr { get; init; } = 0.02;
    public double WeightDecay { get; init; } = 1e-4;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;
    /// <summary>Max global gradient norm (torch.nn.utils.clip_grad_norm_); null = no clipping.</summary>
    public double? ClipNorm { get; init; } = 1.0;
    public ScheduleKind Schedule { get; init; } = ScheduleKind.CosineWarmRestarts;
    /// <summary>Restart period (warm restarts) or annealing length (cosine), in epochs.</summary>
    public int ScheduleT0 { get; init; } = 10000;
    /// <summary>Warm restarts: each period is T_mult times the last (PyTorch's T_mult); null = 1. Left out of the JSON when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ScheduleTMult { get; init; }
    public double ScheduleEtaMin { get; init; }

    // Phase 2: decay-prune the least important slots one by one, then refine with them held at 0 (Adam, no decay).
    public bool Prune { get; init; } = true;
    public int TargetSlots { get; init; } = 7;
    /// <summary>Prune only when more than TargetSlots slots have importance above this (the public code's count_active).</summary>
    public double ActiveThreshold { get; init; } = 0.1;
    public int DecaySteps { get; init; } = 2000;
    /// <summary>Each decay step multiplies the slot by 1 - DecayDepth * t / DecaySteps, t = 0..DecaySteps-1.</summary>
    public double DecayDepth { get; init; } = 0.99;
    public int RefineSteps { get; init; } = 10000;
    public int Phase2BatchSize { get; init; } = 256;
    public double Phase2Lr { get; init; } = 0.005;
    public double Phase2WeightDecay { get; init; }
    public double? Phase2ClipNorm { get; init; }

    // Measurements (they never change the trajectory).
    /// <summary>Curve points every this many optimizer steps (0 = only the final point).</summary>
    public int CurveInterval { get; init; } = 1000;
    /// <summary>Global optimizer steps (1-based, after that step) at which kappa is measured.</summary>
    public IReadOnlyList<int> KappaSteps { get; init; } = [];
    /// <summary>Per-sample gradients in a kappa probe; 0 = the phase's batch size.</summary>
    public int KappaSamples { get; init; }
    /// <summary>Eigenvalues above this fraction of the largest count for the effective kappa.</summary>
    public double KappaRelativeCutoff { get; init; } = 1e-6;

    public static readonly JsonSerializerOptions CanonicalJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, CanonicalJson);

    public static RunConfig FromJson(string json) =>
        JsonSerializer.Deserialize<RunConfig>(json, CanonicalJson) ?? throw new JsonException("empty run configuration");

    /// <summary>SHA-256 (hex) of the canonical JSON.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    [JsonIgnore]
    public DataMode DataMode => DataMode.Parse(Data);

    /// <summary>The product the run learns (Dimensions, or &lt;2,2,2&gt;).</summary>
    [JsonIgnore]
    public Shape Shape => Dimensions is { Count: 3 } d ? new Shape(d[0], d[1], d[2]) : Shape.Square2;

    [JsonIgnore]
    public PairLayout Layout => new(Shape);

    /// <summary>This configuration for another product; &lt;2,2,2&gt; is written as no shape at all (its old hash).</summary>
    public RunConfig WithShape(Shape shape) =>
        this with { Dimensions = shape == Shape.Square2 ? null : [shape.N, shape.M, shape.P] };

    /// <summary>The key of the data streams: DataSeed when set, else Seed.</summary>
    [JsonIgnore]
    public long DataKey => DataSeed ?? Seed;

    /// <summary>Steps of one epoch in Phase 1.</summary>
    [JsonIgnore]
    public int StepsPerEpoch => DataMode.StepsPerEpoch(BatchSize);

    [JsonIgnore]
    public int Phase1Steps => Phase1Epochs * StepsPerEpoch;

    [JsonIgnore]
    public int SlotsToPrune => Prune ? Math.Max(0, Slots - TargetSlots) : 0;

    [JsonIgnore]
    public int Phase2Steps => SlotsToPrune * DecaySteps + (SlotsToPrune > 0 ? RefineSteps : 0);

    /// <summary>Throws ArgumentException for a configuration no run can have.</summary>
    public RunConfig Validated()
    {
        Require(Slots is >= 1 and <= 64, "slots must be in 1..64");
        Require(Dimensions is null || (Dimensions.Count == 3 && Dimensions.All(d => d is >= 1 and <= 8)),
            "shape must be three dimensions n,m,p in 1..8");
        Require(Init != InitKind.Symmetric || Shape.ASize == Shape.BSize, "symmetric init (U = V) needs n m = m p");
        Require(BatchSize >= 1 && Phase2BatchSize >= 1, "batch sizes must be >= 1");
        Require(Phase1Epochs >= 0 && DecaySteps >= 0 && RefineSteps >= 0, "step counts must be >= 0");
        Require(double.IsFinite(Lr) && Lr >= 0 && double.IsFinite(Phase2Lr) && Phase2Lr >= 0, "learning rates must be finite and >= 0");
        Require(double.IsFinite(WeightDecay) && WeightDecay >= 0, "weight decay must be finite and >= 0");
        Require(InitStd > 0 && double.IsFinite(InitStd), "init std must be > 0");
        Require(Init != InitKind.XavierUniform || (InitGain > 0 && double.IsFinite(InitGain)), "xavier init needs a gain > 0");
        Require(ScheduleTMult is null or >= 1, "schedule T_mult must be >= 1");
        Require(TargetSlots >= 1 && TargetSlots <= Slots, "target slots must be in 1..slots");
        Require(ScheduleT0 >= 1, "schedule T_0 must be >= 1");
        Require(TestSamples >= 1, "test samples must be >= 1");
        Require(ClipNorm is null || ClipNorm > 0, "clip norm must be > 0");
        _ = DataMode;
        return this;
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}
