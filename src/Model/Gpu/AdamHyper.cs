namespace StrassenRepro.Model.Gpu;

/// <summary>
/// One run's optimizer numbers for this step (AdamW, or SGD when Sgd is set), converted to float as the cpu engine
/// converts them.
/// </summary>
internal struct AdamHyper
{
    public int Sgd;
    public float NegLr;
    public float WeightDecay;
    public int AnyDecay;
    public float Decay;
    public float NegStep;
    public float W1;
    public float Beta2;
    public float W2;
    public float Eps;
    public float Bc2Sqrt;

    public static AdamHyper Of(in StepScalars s, in PopulationViews v, int run)
    {
        double baseLr = v.BaseLr[run];
        // LrSchedule.Apply, in its order of operations.
        double lr = s.HasLrTerm != 0 ? s.EtaMin + (baseLr - s.EtaMin) * s.LrTerm / 2 : baseLr;
        double wd = v.WeightDecay[run];
        return new AdamHyper
        {
            Sgd = s.Sgd,
            NegLr = (float)(-lr),
            WeightDecay = (float)wd,
            AnyDecay = wd != 0 ? 1 : 0,
            Decay = (float)(1 - lr * wd),
            NegStep = (float)(-(lr / s.Bc1)),
            W1 = s.W1,
            Beta2 = s.Beta2,
            W2 = s.W2,
            Eps = s.Eps,
            Bc2Sqrt = s.Bc2Sqrt,
        };
    }
}
