namespace StrassenRepro.Reproduction.Report;

/// <summary>What one claim's evaluation produced: the summary row, the evidence (tables, figures), and how it was decided.</summary>
public sealed record ClaimResult
{
    /// <summary>C1..C12 (claims.md).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The paper's statement and numbers, one line.</summary>
    public required string PaperSays { get; init; }
    /// <summary>What the harness measured, one line with the numbers.</summary>
    public required string WeMeasured { get; init; }
    public required Verdict Verdict { get; init; }
    /// <summary>The verdict rule, written out (e.g. "reproduced iff 0.68 lies in the Wilson 95% CI ...").</summary>
    public required string Rule { get; init; }
    /// <summary>Stored runs the evaluation used (their configuration hashes are listed in the report).</summary>
    public IReadOnlyList<string> RunHashes { get; init; } = [];
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
    public IReadOnlyList<FigureSpec> Figures { get; init; } = [];
    /// <summary>Free-text notes: choices made where the paper is vague, protocol checks, caveats.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A table of the evidence: header and rows of already formatted cells.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public enum FigureKind
{
    /// <summary>Lines through the points (with optional error bars).</summary>
    Line,
    /// <summary>Markers only (with optional error bars).</summary>
    Scatter,
    /// <summary>Bars at the X positions (with optional error bars); several series side by side.</summary>
    Bar,
}

/// <summary>One series of a figure. YLower/YUpper, when given, are absolute interval ends drawn as error bars.</summary>
public sealed record FigureSeries(string Label, double[] X, double[] Y, double[]? YLower = null, double[]? YUpper = null);

/// <summary>A figure as data; the report renders it (PNG) so every figure is traceable to stored runs.</summary>
public sealed record FigureSpec
{
    /// <summary>File-name-safe id, e.g. "c2-success-by-batch".</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string XLabel { get; init; }
    public required string YLabel { get; init; }
    public FigureKind Kind { get; init; } = FigureKind.Line;
    public required IReadOnlyList<FigureSeries> Series { get; init; }
    public bool LogX { get; init; }
    public bool LogY { get; init; }
    /// <summary>
    /// Optional category labels for the X positions (bar charts of batch sizes, say): label i names the
    /// i-th smallest distinct X over all series. Bar charts put each distinct X in its own slot (LogX does
    /// not apply to them); see FigureGeometry.
    /// </summary>
    public IReadOnlyList<string>? XTickLabels { get; init; }
    public string? Caption { get; init; }
    /// <summary>Text drawn inside the plot, e.g. why an expected curve is missing (a legend cannot say it).</summary>
    public string? Annotation { get; init; }
}

/// <summary>Where the report's data came from, printed in its header; Scope says what its verdicts can mean.</summary>
public sealed record ReportContext(
    string Preset,
    string DatabasePath,
    int StoredRuns,
    string GitCommit,
    IReadOnlyDictionary<string, string> Versions,
    DateTime GeneratedUtc,
    ReportScope? Scope = null)
{
    /// <summary>The scope; without one, a report of this preset with nothing planned (whole unless smoke).</summary>
    public ReportScope Coverage => Scope ?? new ReportScope(Preset, 0, 0);
}
