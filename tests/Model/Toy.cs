using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

/// <summary>Toy-scale configurations: the upstream protocol shrunk to a few hundred steps.</summary>
internal static class Toy
{
    public static RunConfig Config(long seed, int phase1 = 200, int decay = 0, int refine = 0) => TrainingProtocols.Upstream(seed, 32) with
    {
        Phase1Epochs = phase1,
        ScheduleT0 = 100,
        Prune = decay + refine > 0,
        DecaySteps = decay,
        RefineSteps = refine,
        Phase2BatchSize = 64,
        CurveInterval = 50,
        TestSamples = 256,
    };

    public static float[] Coefficients(RunResult r) => r.FinalWeights.U.Concat(r.FinalWeights.V).Concat(r.FinalWeights.W).Select(x => (float)x).ToArray();
}
