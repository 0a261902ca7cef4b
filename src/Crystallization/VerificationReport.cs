using System.Text.Json.Serialization;

namespace StrassenRepro.Crystallization;

/// <summary>The verdict on one scheme: the fields of `verify --json` (conventions.md) and a few more.</summary>
public sealed record VerificationReport
{
    public required string Path { get; init; }
    public required string Format { get; init; }
    public string? Key { get; init; }

    /// <summary>How U, V, W were laid out in the file (a FactorLayout name, e.g. "ffl-rrr"), and how that was decided.</summary>
    public string? Layout { get; init; }
    public string? LayoutChoice { get; init; }
    public required int[] Shape { get; init; }
    public required int Slots { get; init; }
    public required int KeptSlots { get; init; }
    public required int[] KeptSlotIndices { get; init; }
    public required double[] SlotImportance { get; init; }
    public required double Delta { get; init; }
    public required bool Discretizable { get; init; }
    public required bool InputIntegral { get; init; }

    /// <summary>How the Brent equations were checked: "integer" or "rational" (the kept slots as given), or
    /// "rounded" (Q of them); an ExactArithmetic name. Null only for a run that produced no scheme.</summary>
    public string? ExactArithmetic { get; init; }
    public required bool BrentValid { get; init; }
    public required int BrentFailedEquations { get; init; }
    public required int BrentEquations { get; init; }
    public required double BrentMaxResidual { get; init; }
    public required int STheta { get; init; }
    public required Outcome Outcome { get; init; }
    public required bool CanonicalStrassen { get; init; }
    public required string Ring { get; init; }
    public required string TransferOf { get; init; }
    /// <summary>The float32 and float64 transfer: measured errors; `pass` is the float64 criterion (relative error
    /// at most 1e-9), which decides the verdict only for a scheme that has no exact transfer (un-rounded kept slots).</summary>
    public required IReadOnlyList<TransferRow> Transfer { get; init; }

    /// <summary>The exact transfer of what was judged (integer or rational arithmetic, every size of Transfer): what
    /// VALID rests on. Empty when the kept slots are not an exact scheme, over F2, and in runs stored before it.</summary>
    public IReadOnlyList<ExactTransferRow> ExactTransfer { get; init; } = [];

    /// <summary>Why the verdict is what it is where the rest does not say (a numerically unstable exact scheme, an
    /// outcome off the integer lattice): plain sentences for the human output and the JSON.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why Transfer is empty when the transfer was not run (over F2); null when it ran.</summary>
    public string? TransferSkipped { get; init; }

    /// <summary>Exit code 0: valid in the ring, and the exact transfer holds at every size (over F2 none runs).</summary>
    public required bool Valid { get; init; }

    /// <summary>The orbit invariants of the valid scheme judged (rank triples, pair ranks: docs/orbits.md); null when
    /// it is not valid.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Orbits.OrbitInvariants? Invariants { get; init; }

    /// <summary>Lattice recovery, when it was asked for (verify --recover); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Recovery.RecoveryReport? Recovery { get; init; }

    /// <summary>`discrete` when recovery succeeded, else the outcome; null when recovery was not asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Outcome? OutcomeAfterRecovery { get; init; }

    /// <summary>
    /// What the verdict checked and how (the kept slots as given, or Q of them), in the report's ring; kept so that
    /// export and --out use the verdict's own exact check instead of running it again. Not in JSON.
    /// </summary>
    [JsonIgnore]
    public Judgement? Judgement { get; init; }

    /// <summary>The transfer holds at every size: exactly when an exact transfer ran, else by the float64 criterion.</summary>
    [JsonIgnore]
    public bool TransferHolds => ExactTransfer.Count > 0 ? ExactTransfer.All(t => t.Holds) : Transfer.All(t => t.Pass);

    /// <summary>The slots of <paramref name="scheme"/> (the verified input) that this verdict kept, in their order.</summary>
    public Scheme KeptOf(Scheme scheme) => scheme.SelectSlots(KeptSlotIndices);

    /// <summary>A valid integer scheme was obtained: directly, or by recovery when it was asked for.</summary>
    [JsonIgnore]
    public bool Obtained => Valid || Recovery?.Succeeded == true;

    private readonly string? _verdict;

    /// <summary>
    /// The last line of the text output, also in the JSON record, so that line, record and exit code
    /// (0 exactly when Obtained) cannot disagree. A command that runs recovery only to report it (train)
    /// sets InputVerdict here, and its exit code follows Valid.
    /// </summary>
    public string Verdict
    {
        get => _verdict ?? (Valid || !Obtained ? InputVerdict : "VALID after recovery");
        init => _verdict = value;
    }

    /// <summary>The verdict on the input itself, recovery aside.</summary>
    [JsonIgnore]
    public string InputVerdict =>
        !Valid ? "NOT VALID" : Ring == nameof(Crystallization.Ring.F2) ? "VALID mod 2" : "VALID";
}
