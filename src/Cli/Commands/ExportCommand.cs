using System.CommandLine;
using Microsoft.ML.OnnxRuntime;
using StrassenRepro.Crystallization;
using StrassenRepro.Export;
using StrassenRepro.Formats;

namespace StrassenRepro.Cli.Commands;

/// <summary>`export FILE --onnx OUT.onnx`: writes a verified scheme as an ONNX model and checks it in ONNX Runtime.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scheme or checkpoint: .json (ours), .npy / .npz (AlphaTensor layout), .pt / .pth (torch.save)" };
        var onnx = new Option<string>("--onnx")
        {
            Description = "The ONNX file to write (its folder must exist)",
            Required = true,
        };
        var size = new Option<int?>("--size")
        {
            Description = "Rows of A, a power n^k of the scheme's n: the scheme is applied recursively k levels " +
                          $"(default: n). Accepted: {SchemeExport.Range} (Strassen: " +
                          $"{string.Join(", ", SchemeExport.Sizes(KnownSchemes.Strassen()))})",
        };
        var allowInvalid = new Option<bool>("--allow-invalid") { Description = "Export a scheme that fails the exact Brent check (its un-rounded kept slots) instead of refusing it" };
        var key = new Option<string?>("--key")
        {
            Description = "Entry of an .npz archive, e.g. \"3,3,3\"; for a checkpoint, the group holding U, V, W " +
                          "(refused for other files)",
        };
        var layout = new Option<string?>("--layout")
        {
            Description = "Checkpoint layout of U, V, W, e.g. ffl-rrr or lll-rrc; default: detected (refused for " +
                          "files other than .pt / .pth)",
        };
        var rank = new Option<int?>("--rank") { Description = "Slots to keep by importance (default: 7 for 2x2x2 schemes of rank >= 7, else all)" };
        var json = new Option<bool>("--json") { Description = "Print the export report as JSON on stdout" };
        var command = new Command("export", "Export a verified scheme to ONNX (opset 17; inputs A [batch,n,m], B [batch,m,p], output C), check the file's structure " +
            "and its count of scalar products (R^k), and compare ONNX Runtime's output with our evaluator and a float64 naive product. " +
            "Exit code 1 if the scheme is invalid (refused without --allow-invalid) or a check fails")
        {
            file, onnx, size, allowInvalid, key, layout, rank, json,
        };
        command.SetAction(parse => Guarded.Run(() =>
        {
            if (parse.GetValue(rank) is < 1) throw new UsageException("--rank must be at least 1");
            var options = VerificationOptions.Default with { Rank = parse.GetValue(rank) };
            OptionChecks.OutputFile(parse.GetValue(onnx), "--onnx");
            OptionChecks.ReaderOptions([parse.GetValue(file)!], parse.GetValue(key), parse.GetValue(layout));
            var source = SchemeReader.Read(parse.GetValue(file)!, parse.GetValue(key), parse.GetValue(layout), options);
            ExportReport report;
            try
            {
                report = SchemeExport.Run(source, parse.GetValue(onnx)!, parse.GetValue(size), parse.GetValue(allowInvalid), parse.GetValue(rank));
            }
            catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException)
            {
                // ONNX Runtime failing on a file we wrote is our failure, not the user's input.
                Output.Error($"ONNX Runtime could not run {parse.GetValue(onnx)}: {e.Message}");
                return ExitCodes.VerifiedFailure;
            }
            if (parse.GetValue(json)) Output.WriteJson(report);
            else PrintHuman(report);
            if (report.Refused) Output.Error(report.Message!);
            return report.Ok ? ExitCodes.Success : ExitCodes.VerifiedFailure;
        }));
        return command;
    }

    private static void PrintHuman(ExportReport r)
    {
        var o = Console.Out;
        o.WriteLine($"{r.Path}{(r.Key is null ? "" : $" [{r.Key}]")}  ({r.Format}, shape <{string.Join(",", r.Shape)}>, {r.Slots} slots, {r.KeptSlots} kept)");
        string field = r.ExactArithmetic == ExactArithmetic.Rational.ToWire() ? "Q" : "Z";
        o.WriteLine($"  Brent ({field})       {(r.BrentValid ? "valid" : "INVALID")}, outcome {r.Outcome}");
        if (r.Refused)
        {
            o.WriteLine("NOT EXPORTED");
            return;
        }
        var p = r.Parity!;
        o.WriteLine($"  wrote           {r.Onnx} ({r.FileBytes} bytes, opset {r.Opset}, IR {r.IrVersion}, {r.Nodes} nodes, {r.Initializers} initializers)");
        o.WriteLine($"  coefficients    {r.Coefficients}");
        long Dim(int d) => (long)Math.Pow(r.Shape[d], r.Levels);
        o.WriteLine($"  size            {r.Size} ({r.Levels} level{(r.Levels == 1 ? "" : "s")}): A [batch,{Dim(0)},{Dim(1)}] x B [batch,{Dim(1)},{Dim(2)}] -> C [batch,{Dim(0)},{Dim(2)}]");
        o.WriteLine($"  structure       {(r.StructuralProblems.Count == 0 ? "valid" : "INVALID: " + string.Join("; ", r.StructuralProblems))}");
        o.WriteLine($"  scalar products {r.ScalarProducts} per matrix in {r.ProductNodes} Mul node(s), expected R^k = {r.ExpectedScalarProducts}" +
                    (r.HiddenProducts.Count == 0 ? "" : $"; UNACCOUNTED: {string.Join(", ", r.HiddenProducts)}"));
        o.WriteLine($"  ONNX Runtime {p.Runtime}, batch {p.Batch}, seed {p.Seed}:");
        o.WriteLine($"    vs our evaluator (float32)   max abs {Output.Sci(p.MaxAbsVsEvaluator)}   rel {Output.Sci(p.MaxRelVsEvaluator)}   {(p.Pass ? "pass" : "FAIL")}");
        o.WriteLine($"    paper's check (max abs < 1e-5 vs the model): {(p.PaperCriterion ? "met" : "not met (it ignores scale)")}");
        o.WriteLine($"    vs naive product (float64)   max abs {Output.Sci(p.MaxAbsVsNaive64)}   rel {Output.Sci(p.MaxRelVsNaive64)}   (our float32 evaluator: rel {Output.Sci(p.EvaluatorMaxRelVsNaive64)})");
        if (r.Message is not null) o.WriteLine($"  WARNING: {r.Message}");
        o.WriteLine(r.Ok ? "EXPORTED" : "EXPORTED, CHECKS FAILED");
    }
}
