namespace StrassenRepro.Model.Gpu;

/// <summary>
/// The numbers of one step that every run shares, as a kernel argument (flags as ints: kernel arguments are plain
/// structs). The float conversions are the cpu engine's, done once on the host.
/// </summary>
internal struct StepScalars
{
    public int Runs;
    /// <summary>The shape &lt;N, M, P&gt; and its entry counts (a: N M, b: M P, t: N P).</summary>
    public int N;
    public int M;
    public int P;
    public int ASize;
    public int BSize;
    public int CSize;
    public int Rows;
    public ulong Stream;
    public long Step;
    public int Offset;
    /// <summary>0 for fresh data, else the run's fixed training set size.</summary>
    public int FixedSize;
    public int HasLrTerm;
    public double LrTerm;
    public double EtaMin;
    public double Bc1;
    public float Bc2Sqrt;
    public float W1;
    public float Beta2;
    public float W2;
    public float Eps;
    public int HasClip;
    public float Clip;
    public int HasDecay;
    public float Decay;
    public int HasZeroGradients;
    public int HasZeroAfter;
    public int WantLoss;
    /// <summary>1: SGD (OptimizerKind.Sgd) instead of AdamW.</summary>
    public int Sgd;
}
