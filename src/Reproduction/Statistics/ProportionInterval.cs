using StrassenRepro.Reproduction.Evidence;
namespace StrassenRepro.Reproduction.Statistics;

/// <summary>A proportion k/n with its confidence interval.</summary>
public readonly record struct ProportionInterval(int Successes, int Trials, double Estimate, double Lower, double Upper)
{
    public bool Contains(double p) => p >= Lower && p <= Upper;

    public override string ToString() =>
        Trials == 0 ? "no runs" : $"{Successes}/{Trials} = {Show.Pct(Estimate)} [{Show.Pct(Lower)}, {Show.Pct(Upper)}]";
}
