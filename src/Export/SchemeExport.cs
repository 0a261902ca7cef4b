using Google.Protobuf;
using Onnx;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Export;

/// <summary>
/// The export pipeline: verify (sparsify, Q for real inputs that are no exact fractions, exact Brent check),
/// refuse an invalid scheme unless allowed, build and write the ONNX file, read it back for the structural
/// check and the product count, and run it in ONNX Runtime for parity.
/// </summary>
public static class SchemeExport
{
    /// <summary>Larger recursions are refused: the scalar products alone would take gigabytes in ONNX Runtime.</summary>
    public const long MaxScalarProducts = 1L << 24;

    public static ExportReport Run(SchemeSource source, string onnxPath, int? size = null, bool allowInvalid = false, int? rank = null)
    {
        var scheme = source.Scheme;
        var options = VerificationOptions.Default with { Rank = rank, Ring = Ring.Z };
        var verdict = Verifier.Verify(scheme, options, source.Path, source.Format, source.Key, source.Exact);
        // The verdict's own exact check (over Z): what it judged valid is what gets exported.
        var exported = verdict.BrentValid ? verdict.Judgement!.Scheme : verdict.KeptOf(scheme);
        int levels = LevelsFor(exported, size);

        var report = new ExportReport
        {
            Path = source.Path,
            Format = source.Format,
            Key = source.Key,
            Shape = verdict.Shape,
            Slots = verdict.Slots,
            KeptSlots = verdict.KeptSlots,
            BrentValid = verdict.BrentValid,
            ExactArithmetic = verdict.ExactArithmetic,
            Outcome = verdict.Outcome.ToWire(),
            Refused = false,
            Ok = false,
        };
        string field = verdict.ExactArithmetic == ExactArithmetic.Rational.ToWire() ? "Q" : "Z";
        if (!verdict.BrentValid && !allowInvalid)
            return report with
            {
                Refused = true,
                Message = $"not exported: the scheme fails the exact Brent check over {field} " +
                          $"({verdict.BrentFailedEquations} of {verdict.BrentEquations} equations, outcome " +
                          $"{verdict.Outcome.ToWire()}); pass --allow-invalid to export its un-rounded kept slots " +
                          "anyway",
            };

        // Exact fractions go out as float32 like any coefficient; the check that passed was over Q.
        bool rational = verdict.Judgement!.Arithmetic == ExactArithmetic.Rational;
        string coefficients = !verdict.BrentValid ? "unrounded" : rational ? "rational" : "discretized";
        string check = !verdict.BrentValid ? ", FAILS the exact Brent check: not a matrix multiplication"
            : $", exact Brent check over {field} passed";
        string doc = $"{exported.Shape} rank {exported.Rank} scheme ({coefficients} coefficients{check}) " +
                     $"from {System.IO.Path.GetFileName(source.Path)}{(source.Key is null ? "" : $" [{source.Key}]")}, applied recursively {levels} level(s)";
        var bytes = OnnxExporter.Export(exported, levels, doc).ToByteArray();
        File.WriteAllBytes(onnxPath, bytes);

        // Everything below judges the file as written, not the in-memory graph.
        var written = File.ReadAllBytes(onnxPath);
        var model = ModelProto.Parser.ParseFrom(written);
        var problems = OnnxStructure.Problems(model);
        var count = ProductCount.Of(model);
        long expected = OnnxExporter.Pow(exported.Rank, levels);
        var parity = OnnxParity.Check(written, exported, levels);
        bool ok = problems.Count == 0 && count.Complete && count.ScalarProducts == expected && parity.Pass;
        return report with
        {
            Coefficients = coefficients,
            Message = verdict.BrentValid ? null : "exported with --allow-invalid: this graph does NOT compute the matrix product (see the difference to the naive product)",
            Onnx = onnxPath,
            FileBytes = written.LongLength,
            Opset = OnnxExporter.Opset,
            IrVersion = model.IrVersion,
            Size = (int)OnnxExporter.Pow(exported.Shape.N, levels),
            Levels = levels,
            Nodes = model.Graph.Node.Count,
            Initializers = model.Graph.Initializer.Count,
            ScalarProducts = count.ScalarProducts,
            ExpectedScalarProducts = expected,
            ProductNodes = count.ProductNodes,
            HiddenProducts = count.HiddenProducts.Concat(count.Unknown.Select(u => $"{u} (shape unknown)")).ToList(),
            StructuralProblems = problems,
            Parity = parity,
            Ok = ok,
        };
    }

    /// <summary>The recursion depth k for --size N = n^k (default: the base size, k = 1).</summary>
    public static int LevelsFor(Scheme scheme, int? size)
    {
        if (size is null) return 1;
        var sizes = Sizes(scheme);
        int at = sizes.IndexOf(size.Value);
        if (at >= 0) return at + 1;
        var shape = scheme.Shape;
        int k = Power(Base(shape), size.Value);
        double side = Math.Pow(Side(shape), k);
        string why = k < 1 ? $"not a power n^k (k >= 1) of {Base(shape)}"
            : side > TransferTest.MaxSize ? $"matrices with sides of {side}, over {TransferTest.MaxSize}"
            : $"{scheme.Rank}^{k} = {Math.Pow(scheme.Rank, k):0} scalar products per matrix, over the export limit";
        string takes = sizes.Count == 0 ? "no --size" : string.Join(", ", sizes);
        throw new SchemeFormatException($"--size {size}: {why}; this {shape} scheme of rank {scheme.Rank} takes " +
                                        $"{takes} ({Range})");
    }

    /// <summary>The range --size accepts, in words (its help and its error).</summary>
    public static readonly string Range =
        $"n^k with k >= 1, every side of A, B, C at most {TransferTest.MaxSize} and R^k at most " +
        $"{MaxScalarProducts} scalar products per matrix";

    /// <summary>Every size the scheme exports: n^1, n^2, ... within the side and scalar-product limits.</summary>
    public static List<int> Sizes(Scheme scheme)
    {
        var (b, side) = (Base(scheme.Shape), Side(scheme.Shape));
        var sizes = new List<int>();
        for (int k = 1; b > 1 && Math.Pow(side, k) <= TransferTest.MaxSize
                        && Math.Pow(scheme.Rank, k) <= MaxScalarProducts; k++)
            sizes.Add((int)Math.Pow(b, k));
        return sizes;
    }

    /// <summary>The n of --size N = n^k, as TransferTest.LevelsForSizes takes it (the first side above 1).</summary>
    private static int Base(Shape s) => s.N > 1 ? s.N : Math.Max(s.M, s.P);

    private static int Side(Shape s) => Math.Max(s.N, Math.Max(s.M, s.P));

    /// <summary>k with b^k = size, or 0 when there is none.</summary>
    private static int Power(int b, int size)
    {
        if (b < 2) return 0;
        int k = 0;
        long v = 1;
        for (; v < size; v *= b) k++;
        return v == size && k >= 1 ? k : 0;
    }
}
