using Microsoft.ML.OnnxRuntime;
using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Export;

/// <summary>
/// Runs an exported model in ONNX Runtime on random N(0,1) float32 batches (fixed seed) and compares C
/// with RecursiveMultiplier&lt;float&gt; on the same scheme and with the naive float64 product. Relative
/// differences are normwise, as in the transfer test: max |diff| / max |reference|.
/// </summary>
public static class OnnxParity
{
    public const ulong DefaultSeed = 20260108;
    public const int DefaultBatch = 4;

    /// <summary>
    /// Parity with our evaluator passes at a normwise relative difference below this, or below 4 times our
    /// evaluator's own float32 error when that is larger: both run the same algorithm in float32 and differ
    /// only in summation order, so they can drift apart by about their rounding error (Winograd at size 64
    /// reaches 2.6e-5), no more.
    /// </summary>
    public const double EvaluatorTolerance = 1e-5;

    public static double ToleranceFor(double evaluatorRelVsNaive) => Math.Max(EvaluatorTolerance, 4 * evaluatorRelVsNaive);

    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    public static ParityReport Check(byte[] model, Scheme scheme, int levels, int batch = DefaultBatch, ulong seed = DefaultSeed)
    {
        var s = scheme.Shape;
        int rows = (int)OnnxExporter.Pow(s.N, levels), inner = (int)OnnxExporter.Pow(s.M, levels), cols = (int)OnnxExporter.Pow(s.P, levels);
        var rng = new GaussianSource(seed);
        var a = Array.ConvertAll(rng.NextFloat32Values(batch * rows * inner), x => (float)x);
        var b = Array.ConvertAll(rng.NextFloat32Values(batch * inner * cols), x => (float)x);
        var c = Run(model, a, b, batch, rows, inner, cols);

        var evaluator = new RecursiveMultiplier<float>(scheme);
        double absEval = 0, scaleEval = 0, absNaive = 0, scaleNaive = 0, absOurs = 0;
        for (int item = 0; item < batch; item++)
        {
            var ai = a.AsSpan(item * rows * inner, rows * inner);
            var bi = b.AsSpan(item * inner * cols, inner * cols);
            var ci = c.AsSpan(item * rows * cols, rows * cols);
            var ours = evaluator.Multiply(ai, bi, levels);
            var naive = TransferTest.NaiveProduct(ToDouble(ai), ToDouble(bi), rows, inner, cols);
            for (int i = 0; i < ci.Length; i++)
            {
                absEval = Math.Max(absEval, Math.Abs((double)ci[i] - ours[i]));
                scaleEval = Math.Max(scaleEval, Math.Abs((double)ours[i]));
                absNaive = Math.Max(absNaive, Math.Abs(ci[i] - naive[i]));
                scaleNaive = Math.Max(scaleNaive, Math.Abs(naive[i]));
                absOurs = Math.Max(absOurs, Math.Abs(ours[i] - naive[i]));
            }
        }
        double relEval = TransferTest.RelativeError(absEval, scaleEval);
        double relNaive = TransferTest.RelativeError(absNaive, scaleNaive);
        double relOurs = TransferTest.RelativeError(absOurs, scaleNaive);
        return new ParityReport(RuntimeVersion, batch, seed, absEval, relEval, absNaive, relNaive, relOurs, Pass: relEval <= ToleranceFor(relOurs));
    }

    /// <summary>C for a batch of A [batch, rows, inner] and B [batch, inner, cols], row-major, from ONNX Runtime.</summary>
    public static float[] Run(byte[] model, float[] a, float[] b, int batch, int rows, int inner, int cols) =>
        RunOutputs(model, a, b, [batch, rows, inner], [batch, inner, cols], "C")[0];

    /// <summary>The named outputs of the model for inputs A and B of the given shapes.</summary>
    public static float[][] RunOutputs(byte[] model, float[] a, float[] b, long[] aShape, long[] bShape, params string[] outputs)
    {
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(model, options);
        using var aValue = OrtValue.CreateTensorValueFromMemory(a, aShape);
        using var bValue = OrtValue.CreateTensorValueFromMemory(b, bShape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["A", "B"], [aValue, bValue], outputs);
        return results.Select(r => r.GetTensorDataAsSpan<float>().ToArray()).ToArray();
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }
}
