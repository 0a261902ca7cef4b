using Onnx;
using StrassenRepro.Crystallization;
using StrassenRepro.Export;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Export;

[Trait("Category", "Fast")]
public class SchemeExportTests
{
    [Fact]
    public void A_valid_scheme_at_size_64_is_written_checked_and_run_with_parity()
    {
        string path = Schemes.TempOnnx();
        try
        {
            var report = SchemeExport.Run(Schemes.Source(KnownSchemes.Strassen()), path, size: 64);

            report.Ok.Should().BeTrue();
            report.Refused.Should().BeFalse();
            report.Coefficients.Should().Be("discretized");
            report.Levels.Should().Be(6);
            report.ScalarProducts.Should().Be(117_649).And.Be(report.ExpectedScalarProducts);
            report.StructuralProblems.Should().BeEmpty();
            report.FileBytes.Should().Be(new FileInfo(path).Length);
            report.Parity!.MaxRelVsNaive64.Should().BeLessThan(1e-4);
            report.Parity.PaperCriterion.Should().BeFalse("entries of C reach ~40 at size 64, so float32 differences exceed 1e-5 absolute");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_exact_rational_scheme_is_exported_with_its_fractions_not_their_rounding()
    {
        // Strassen with A's first row (and C's) scaled by 2: halves in W, which Q would round to 0.
        var identity = new[,] { { 1.0, 0 }, { 0, 1 } };
        var p = new[,] { { 2.0, 0 }, { 0, 1 } };
        var halves = SchemeSymmetry.ChangeBasis(KnownSchemes.Strassen(), p, identity, identity);
        string path = Schemes.TempOnnx();
        try
        {
            var report = SchemeExport.Run(Schemes.Source(halves), path, size: 4);
            report.Refused.Should().BeFalse();
            report.BrentValid.Should().BeTrue();
            report.Coefficients.Should().Be("rational");
            report.Ok.Should().BeTrue();
            report.Parity!.MaxRelVsNaive64.Should().BeLessThan(1e-5);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void At_the_base_size_the_papers_own_criterion_is_met()
    {
        string path = Schemes.TempOnnx();
        try
        {
            SchemeExport.Run(Schemes.Source(KnownSchemes.Strassen()), path).Parity!.PaperCriterion.Should().BeTrue();
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_real_near_miss_is_exported_as_its_discretized_scheme()
    {
        var source = SchemeReader.Read(Schemes.Fixture("strassen_float32.npy"));
        var noisy = source with { Scheme = source.Scheme.Map(x => x + 0.03) };
        string path = Schemes.TempOnnx();
        try
        {
            var report = SchemeExport.Run(noisy, path);

            report.Ok.Should().BeTrue();
            var u = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Initializer.Single(t => t.Name == "U").AsFloats();
            u.Should().OnlyContain(x => x == 0 || x == 1 || x == -1, "Q rounds the learned coefficients");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_invalid_scheme_is_refused_and_no_file_is_written()
    {
        string path = Schemes.TempOnnx();

        var report = SchemeExport.Run(Schemes.Source(Schemes.BrokenStrassen()), path);

        report.Refused.Should().BeTrue();
        report.Ok.Should().BeFalse();
        report.Message.Should().Contain("Brent").And.Contain("--allow-invalid");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void With_allow_invalid_the_kept_slots_are_exported_and_differ_from_the_naive_product()
    {
        string path = Schemes.TempOnnx();
        try
        {
            var report = SchemeExport.Run(Schemes.Source(Schemes.BrokenStrassen()), path, size: 4, allowInvalid: true);

            report.Refused.Should().BeFalse();
            report.Coefficients.Should().Be("unrounded");
            report.Message.Should().Contain("NOT");
            report.Parity!.Pass.Should().BeTrue("ONNX Runtime still computes the same (wrong) algorithm as our evaluator");
            report.Parity.MaxRelVsNaive64.Should().BeGreaterThan(0.01);
            report.Ok.Should().BeTrue();
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(8192)]
    public void A_size_that_is_not_a_power_of_n_is_bad_input(int size)
    {
        var act = () => SchemeExport.LevelsFor(KnownSchemes.Strassen(), size);

        act.Should().Throw<SchemeFormatException>();
    }

    [Fact]
    public void A_recursion_beyond_the_product_limit_is_bad_input()
    {
        var act = () => SchemeExport.LevelsFor(KnownSchemes.Naive(new Shape(3, 3, 3)), 729);

        act.Should().Throw<SchemeFormatException>().WithMessage("*over the export limit*");
    }

    [Fact]
    public void The_sizes_a_scheme_exports_are_its_powers_within_both_limits_and_each_gives_its_level()
    {
        var strassen = KnownSchemes.Strassen();
        SchemeExport.Sizes(strassen).Should().Equal(2, 4, 8, 16, 32, 64, 128, 256);
        // 27^5 = 14,348,907 products fit under 2^24, 27^6 do not; 3^5 = 243 is within the side limit.
        SchemeExport.Sizes(KnownSchemes.Naive(new Shape(3, 3, 3))).Should().Equal(3, 9, 27, 81, 243);
        SchemeExport.Sizes(KnownSchemes.Naive(new Shape(1, 1, 1))).Should().BeEmpty();
        foreach (var size in SchemeExport.Sizes(strassen))
            SchemeExport.LevelsFor(strassen, size).Should().Be(TransferTest.LevelsForSizes(strassen.Shape, [size])[0]);
    }
}
