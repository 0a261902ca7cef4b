using System.Text.Json.Serialization;

namespace StrassenRepro.Export;

/// <summary>What `export` did with one scheme: the verdict it relied on, the file it wrote, its checks and parity.</summary>
public sealed record ExportReport
{
    public required string Path { get; init; }
    public required string Format { get; init; }
    public string? Key { get; init; }
    public required int[] Shape { get; init; }
    public required int Slots { get; init; }
    public required int KeptSlots { get; init; }
    public required bool BrentValid { get; init; }

    /// <summary>How the Brent check ran, as verify's `exactArithmetic`: "rational" is over Q, else over Z.</summary>
    public string? ExactArithmetic { get; init; }
    public required string Outcome { get; init; }

    /// <summary>True when an invalid scheme was not exported (no --allow-invalid); nothing below is set then.</summary>
    public required bool Refused { get; init; }
    public string? Message { get; init; }

    /// <summary>"discretized" (the valid integer scheme) or "unrounded" (the kept slots as learned, --allow-invalid).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Coefficients { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Onnx { get; init; }
    public long FileBytes { get; init; }
    public int Opset { get; init; }
    public long IrVersion { get; init; }

    /// <summary>Rows of A (n^k) and the recursion depth k.</summary>
    public int Size { get; init; }
    public int Levels { get; init; }
    public int Nodes { get; init; }
    public int Initializers { get; init; }

    /// <summary>Counted from the written file's graph (ProductCount), per output matrix; expected R^k.</summary>
    public long ScalarProducts { get; init; }
    public long ExpectedScalarProducts { get; init; }
    public int ProductNodes { get; init; }
    public IReadOnlyList<string> HiddenProducts { get; init; } = [];
    public IReadOnlyList<string> StructuralProblems { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParityReport? Parity { get; init; }

    /// <summary>Exit code 0: written, structurally valid, R^k products, ONNX Runtime agrees with our evaluator.</summary>
    public required bool Ok { get; init; }
}
