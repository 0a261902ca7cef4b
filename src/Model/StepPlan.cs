namespace StrassenRepro.Model;

/// <summary>
/// Everything one optimizer step of a population needs, per run where runs may differ. Order inside the step:
/// scale each run's DecaySlot by Decay, fill the batch, gradients, zero the masked gradients, clip, Adam(W) step,
/// set the ZeroAfter slots to +0. Per-run arrays are never changed after they are handed to an engine (a phase hands
/// the same arrays to every step, so an engine on a device uploads each one once).
/// </summary>
public sealed record StepPlan
{
    /// <summary>Rows of this step's batch (the same for every run).</summary>
    public required int Rows { get; init; }
    /// <summary>Which batch: the engines that draw it themselves (gpu) read this, the others call Fill.</summary>
    public required BatchKey Batch { get; init; }
    /// <summary>Fills one run's batch (Rows x 12 floats) from that run's own stream.</summary>
    public required Action<int, Span<float>> Fill { get; init; }
    /// <summary>Per run: the phase's base learning rate.</summary>
    public required double[] BaseLr { get; init; }
    /// <summary>LrSchedule.Term at this step's epoch (shared by every run); null = constant rate.</summary>
    public double? LrTerm { get; init; }
    public double EtaMin { get; init; }
    public required double[] WeightDecay { get; init; }
    /// <summary>AdamW (Beta1, Beta2, Eps, WeightDecay decoupled) or SGD (WeightDecay coupled, no momentum).</summary>
    public OptimizerKind Optimizer { get; init; }
    public required double Beta1 { get; init; }
    public required double Beta2 { get; init; }
    public required double Eps { get; init; }
    public double? ClipNorm { get; init; }
    /// <summary>Per run: the slot multiplied by Decay before the forward pass, -1 for none; null = none at all.</summary>
    public int[]? DecaySlot { get; init; }
    public float Decay { get; init; } = 1f;
    /// <summary>Per run: bit s set = slot s's gradients are set to 0; null = none.</summary>
    public ulong[]? ZeroGradients { get; init; }
    /// <summary>Per run: bit s set = slot s is set to +0 after the update; null = none.</summary>
    public ulong[]? ZeroAfter { get; init; }
    /// <summary>When true the engine returns each run's batch loss (mean squared error, in double).</summary>
    public bool WantLoss { get; init; }

    /// <summary>Run i's learning rate at this step.</summary>
    public double LrOf(int run) => LrTerm is double term ? LrSchedule.Apply(BaseLr[run], EtaMin, term) : BaseLr[run];

    public static bool Has(ulong[]? masks, int run, int slot) => masks is not null && (masks[run] >> slot & 1) != 0;

    /// <summary>Per-run learning rates of this step (for engines that take them as one array).</summary>
    public double[] LearningRates(int size) => Enumerable.Range(0, size).Select(LrOf).ToArray();

    /// <summary>[P x R] slot multipliers: Decay at each run's DecaySlot, 1 elsewhere (1 leaves a slot unchanged bit for bit).</summary>
    public float[] DecayFactors(int size, int slots)
    {
        var factors = new float[size * slots];
        Array.Fill(factors, 1f);
        if (DecaySlot is not null)
            for (int i = 0; i < size; i++)
                if (DecaySlot[i] >= 0) factors[i * slots + DecaySlot[i]] = Decay;
        return factors;
    }

    /// <summary>[P x R] booleans of per-run slot masks.</summary>
    public static bool[] Expand(ulong[] masks, int slots)
    {
        var flags = new bool[masks.Length * slots];
        for (int i = 0; i < masks.Length; i++)
            for (int s = 0; s < slots; s++) flags[i * slots + s] = Has(masks, i, s);
        return flags;
    }
}
