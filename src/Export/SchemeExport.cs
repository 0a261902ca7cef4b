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
            Outcome = verdict.Outcome.ToWire(),
            Refused = false,
            Ok = false,
        };
        if (!verdict.BrentValid && !allowInvalid)
            return report with
            {
                Refused = true,
                Message = $"not exported: the scheme fails the exact Brent check over Z ({verdict.BrentFailedEquations} of {verdict.BrentEquations} equations, outcome {verdict.Outcome.ToWire()}); pass --allow-invalid to export its un-rounded kept slots anyway",
            };

        // Exact fractions go out as float32 like any coefficient; the check that passed was over Q.
        bool rational = verdict.Judgement!.Arithmetic == ExactArithmetic.Rational;
        string coefficients = !verdict.BrentValid ? "unrounded" : rational ? "rational" : "discretized";
        string check = !verdict.BrentValid ? ", FAILS the exact Brent check: not a matrix multiplication"
            : $", exact Brent check over {(rational ? "Q" : "Z")} passed";
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
        if (size < 1 || size > 4096) throw new SchemeFormatException($"--size {size} is not in 1..4096");
        int levels = TransferTest.LevelsForSizes(scheme.Shape, [size.Value])[0];
        double products = Math.Pow(scheme.Rank, levels);
        if (products > MaxScalarProducts)
            throw new SchemeFormatException($"--size {size}: {scheme.Rank}^{levels} = {products:0} scalar products per matrix is over the export limit of {MaxScalarProducts}");
        return levels;
    }
}
