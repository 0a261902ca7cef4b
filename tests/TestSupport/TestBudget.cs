namespace StrassenRepro.Tests;

/// <summary>
/// How many random trials a sampling test draws. Mutation testing runs the covering tests once per
/// mutant, so there (STRASSEN_MUTATION_RUN=1, set by .ci/run around Stryker) the samples shrink;
/// the Fast run always draws the full count.
/// </summary>
public static class TestBudget
{
    public static bool MutationRun { get; } = Environment.GetEnvironmentVariable("STRASSEN_MUTATION_RUN") == "1";

    /// <summary>The full count, or a fifth of it (at least 10) under mutation testing.</summary>
    public static int Trials(int full) => MutationRun ? Math.Min(full, Math.Max(10, full / 5)) : full;
}
