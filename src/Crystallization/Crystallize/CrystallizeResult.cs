namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// What SchemeCrystallizer.TryCrystallize found. On success Exact is a scheme of the input's shape and
/// rank that passed BrentCheck.Exact (over Q; and over Z when Scheme is set); nothing else is ever reported
/// as a scheme. On failure Reason says why (and Stats how far the search got).
/// </summary>
public sealed record CrystallizeResult
{
    public required bool Succeeded { get; init; }

    /// <summary>The exact scheme (integers or fractions); null unless succeeded.</summary>
    public RationalScheme? Exact { get; init; }

    /// <summary>The exact scheme as doubles when it is integral (checked over Z); null otherwise.</summary>
    public Scheme? Scheme { get; init; }

    /// <summary>"lattice recovery" or "rounding"; null when nothing succeeded.</summary>
    public string? Method { get; init; }

    /// <summary>Why it failed; null on success.</summary>
    public string? Reason { get; init; }

    /// <summary>BrentCheck.MaxResidual of the input.</summary>
    public required double ResidualBefore { get; init; }

    /// <summary>
    /// max |Brent residual| after each Levenberg-Marquardt solve, in order (empty for lattice recovery).
    /// </summary>
    public IReadOnlyList<double> ResidualHistory { get; init; } = [];

    public CrystallizeStats Stats { get; init; } = new();

    public static CrystallizeResult Failed(double residualBefore, string reason, IReadOnlyList<double>? history = null,
        CrystallizeStats? stats = null) =>
        new()
        {
            Succeeded = false,
            Reason = reason,
            ResidualBefore = residualBefore,
            ResidualHistory = history ?? [],
            Stats = stats ?? new CrystallizeStats(),
        };
}
