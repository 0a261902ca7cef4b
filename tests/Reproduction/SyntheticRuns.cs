using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Stored runs made up for a test: a configuration and an outcome, nothing trained.</summary>
internal static class SyntheticRuns
{
    public static RunRecord Of(RunConfig config, Outcome outcome, Outcome? afterRecovery = null) => new()
    {
        Config = config,
        ConfigHash = config.Hash(),
        Verification = new VerificationReport
        {
            Path = "",
            Format = "synthetic",
            Shape = [2, 2, 2],
            Slots = 8,
            KeptSlots = 7,
            KeptSlotIndices = [0, 1, 2, 3, 4, 5, 6],
            SlotImportance = [],
            Delta = outcome == Outcome.Discrete ? 0.01 : 0.3,
            Discretizable = outcome == Outcome.Discrete,
            InputIntegral = false,
            BrentValid = outcome == Outcome.Discrete,
            BrentFailedEquations = 0,
            BrentEquations = 64,
            BrentMaxResidual = 0,
            STheta = outcome == Outcome.Discrete ? 1 : 0,
            Outcome = outcome,
            CanonicalStrassen = false,
            Ring = "Z",
            TransferOf = "discretized",
            Transfer = [],
            Valid = outcome == Outcome.Discrete,
            OutcomeAfterRecovery = afterRecovery,
        },
        Weights = null,
        PrunedSlots = [],
        PruneSkipped = false,
        Steps = 1,
        Curves = [],
        Kappas = [],
    };

    /// <summary>A run of the upstream protocol at a batch size and weight decay.</summary>
    public static RunRecord At(int batchSize, double weightDecay, long seed, Outcome outcome, Outcome? afterRecovery = null) =>
        Of(TrainingProtocols.ByName("upstream", seed, batchSize) with { WeightDecay = weightDecay }, outcome, afterRecovery);
}
