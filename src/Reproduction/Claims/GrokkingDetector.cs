using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Claims;

/// <summary>
/// Grokking as C11 defines it, on a run's logged curve: at least MinPlateauEpochs epochs during which the
/// training loss is below TrainLossBelow while the test loss stays above TestLossAbove, followed by an
/// abrupt drop: within DropWithinEpochs epochs of the plateau's end the test loss is below TestLossAbove and
/// at most 1/DropFactor of its value DropWithinEpochs epochs before that end (so a slow decline through 0.1
/// does not count).
/// </summary>
public static class GrokkingDetector
{
    public const double TrainLossBelow = 1e-6;
    public const double TestLossAbove = 0.1;
    public const int MinPlateauEpochs = 100;
    public const int DropWithinEpochs = 10;
    public const double DropFactor = 10;

    public readonly record struct Detection(bool Fired, double PlateauEpochs, long? DropStep);

    /// <param name="curve">Curve points in step order.</param>
    /// <param name="stepsPerEpoch">Optimizer steps of one epoch (a pass over the training set).</param>
    public static Detection Detect(IReadOnlyList<CurvePoint> curve, int stepsPerEpoch)
    {
        double longest = 0;
        int i = 0;
        while (i < curve.Count)
        {
            if (!(curve[i].TrainLoss < TrainLossBelow && curve[i].TestLoss > TestLossAbove)) { i++; continue; }
            int start = i;
            while (i + 1 < curve.Count && curve[i + 1].TrainLoss < TrainLossBelow && curve[i + 1].TestLoss > TestLossAbove) i++;
            double plateau = (curve[i].Step - curve[start].Step) / (double)stepsPerEpoch;
            longest = Math.Max(longest, plateau);
            if (plateau >= MinPlateauEpochs)
            {
                long window = (long)DropWithinEpochs * stepsPerEpoch;
                int before = i;
                while (before > start && curve[before - 1].Step >= curve[i].Step - window) before--;
                double reference = curve[before].TestLoss;
                for (int j = i + 1; j < curve.Count && curve[j].Step <= curve[i].Step + window; j++)
                    if (curve[j].TestLoss < TestLossAbove && curve[j].TestLoss <= reference / DropFactor)
                        return new Detection(true, plateau, curve[j].Step);
            }
            i++;
        }
        return new Detection(false, longest, null);
    }
}
