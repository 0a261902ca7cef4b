using SkiaSharp;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Figures render to readable PNGs whatever the data, with the font shipped in the assembly.</summary>
[Trait("Category", "Fast")]
public class FigureRendererTests
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    internal static FigureSpec SuccessByBatch(FigureKind kind) => new()
    {
        Id = $"success-by-batch-{kind.ToString().ToLowerInvariant()}",
        Title = "Success rate by batch size (Wilson 95% CI)",
        XLabel = "batch size B",
        YLabel = "success rate",
        Kind = kind,
        Series =
        [
            new FigureSeries("ours", [8, 16, 32, 64, 128], [0.2, 0.47, 0.6, 0.8, 0.87],
                [0.07, 0.25, 0.36, 0.55, 0.62], [0.45, 0.70, 0.80, 0.93, 0.96]),
            new FigureSeries("paper", [8, 16, 32, 64, 128], [0.13, 0.4, 0.73, 0.87, 0.93]),
        ],
        XTickLabels = ["8", "16", "32", "64", "128"],
    };

    static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable PNG");

    [Theory]
    [InlineData(FigureKind.Line)]
    [InlineData(FigureKind.Scatter)]
    [InlineData(FigureKind.Bar)]
    public void Every_kind_renders_a_png_of_the_requested_size(FigureKind kind)
    {
        var figure = FigureRenderer.Render(SuccessByBatch(kind));

        figure.Png.Take(8).Should().Equal(PngSignature);
        figure.Png.Length.Should().BeInRange(5_000, 2_000_000);
        figure.SkippedPoints.Should().Be(0);
        using var bitmap = Decode(figure.Png);
        bitmap.Width.Should().Be(FigureRenderer.DefaultWidth);
        bitmap.Height.Should().Be(FigureRenderer.DefaultHeight);
    }

    [Fact]
    public void A_custom_size_is_honoured()
    {
        using var bitmap = Decode(FigureRenderer.Render(SuccessByBatch(FigureKind.Line), 640, 360).Png);
        bitmap.Width.Should().Be(640);
        bitmap.Height.Should().Be(360);
    }

    [Fact]
    public void The_title_is_drawn_with_the_shipped_font()
    {
        // Without a usable font both titles leave the band blank (or draw identical boxes); with one,
        // a row of M's leaves far more ink above the plot than a row of dots of the same length.
        var heavy = SuccessByBatch(FigureKind.Line) with { Title = new string('M', 30) };
        var light = heavy with { Title = new string('.', 30) };
        using var a = Decode(FigureRenderer.Render(heavy).Png);
        using var b = Decode(FigureRenderer.Render(light).Png);

        int heavyInk = DarkPixels(a, top: 0, bottom: 30);
        int lightInk = DarkPixels(b, top: 0, bottom: 30);
        heavyInk.Should().BeGreaterThan(1000);
        heavyInk.Should().BeGreaterThan(5 * lightInk);
    }

    [Fact]
    public void NaN_infinite_and_empty_series_are_skipped_and_counted()
    {
        var spec = SuccessByBatch(FigureKind.Line) with
        {
            Series =
            [
                new FigureSeries("holes", [1, 2, double.NaN, 4, 5], [1, double.PositiveInfinity, 3, double.NaN, 5],
                    [0.5, double.NaN, 2, 3, double.NegativeInfinity], [1.5, 2.5, double.NaN, 4.5, 5.5]),
                new FigureSeries("empty", [], []),
                new FigureSeries("ragged", [1, 2, 3], [1, 2]),
            ],
            XTickLabels = null,
        };

        var figure = FigureRenderer.Render(spec);

        figure.Png.Take(8).Should().Equal(PngSignature);
        figure.SkippedPoints.Should().Be(3 + 1);
    }

    [Theory]
    [InlineData(FigureKind.Line)]
    [InlineData(FigureKind.Scatter)]
    [InlineData(FigureKind.Bar)]
    public void A_figure_without_drawable_points_still_renders(FigureKind kind)
    {
        var noSeries = SuccessByBatch(kind) with { Series = [] };
        var allBad = SuccessByBatch(kind) with { Series = [new FigureSeries("nan", [double.NaN], [1])], LogY = true };

        FigureRenderer.Render(noSeries).Png.Take(8).Should().Equal(PngSignature);
        var bad = FigureRenderer.Render(allBad);
        bad.Png.Take(8).Should().Equal(PngSignature);
        bad.SkippedPoints.Should().Be(1);
    }

    public static TheoryData<string, FigureKind, double[], double[]> AwkwardData() => new()
    {
        { "one point", FigureKind.Line, [4], [0.5] },
        { "one bar", FigureKind.Bar, [4], [0.5] },
        { "constant", FigureKind.Line, [1, 2, 3], [7, 7, 7] },
        { "same x", FigureKind.Scatter, [2, 2, 2], [1, 2, 3] },
        { "huge", FigureKind.Scatter, [1, 2], [1e300, -1e300] },
        { "negative bars", FigureKind.Bar, [1, 2, 3], [-1, 0, 2] },
        { "tiny range", FigureKind.Line, [1, 1 + 1e-12], [0, 1e-15] },
    };

    [Theory]
    [MemberData(nameof(AwkwardData))]
    public void Awkward_data_renders_without_crashing(string name, FigureKind kind, double[] x, double[] y)
    {
        var spec = SuccessByBatch(kind) with { Id = name, Series = [new FigureSeries(name, x, y, y, y)], XTickLabels = null };

        var figure = FigureRenderer.Render(spec);

        figure.Png.Take(8).Should().Equal(PngSignature);
        figure.SkippedPoints.Should().Be(0);
    }

    [Fact]
    public void The_shipped_font_has_the_glyphs_the_report_uses()
    {
        using var typeface = ShippedFont.CreateTypeface();
        typeface.FamilyName.Should().Be("DejaVu Sans");
        typeface.ContainsGlyphs("δκ≤≥×±–Δ²0123456789%").Should().BeTrue();
    }

    [Theory]
    [InlineData(FigureKind.Line)]
    [InlineData(FigureKind.Bar)]
    public void Log_axes_drop_non_positive_values(FigureKind kind)
    {
        var spec = new FigureSpec
        {
            Id = "transfer-error",
            Title = "Transfer error against size",
            XLabel = "n",
            YLabel = "max relative error",
            Kind = kind,
            LogX = true,
            LogY = true,
            Series =
            [
                new FigureSeries("f32", [2, 4, 8, 16, 0], [1e-7, 3e-7, 0, 2e-6, 1e-5], [5e-8, -1, 1e-7, 1e-6, 1], [2e-7, 5e-7, 1e-6, 3e-6, 2e-5]),
                new FigureSeries("paper", [2, 4, 8, 16], [2e-7, 4e-7, 9e-7, 3e-6]),
            ],
        };

        var figure = FigureRenderer.Render(spec);

        figure.Png.Take(8).Should().Equal(PngSignature);
        // Line: y = 0 and x = 0 go. Bar: x is a category (log X does not apply), only y = 0 goes.
        figure.SkippedPoints.Should().Be(kind == FigureKind.Bar ? 1 : 2);
    }

    [Fact]
    public void The_same_spec_renders_to_the_same_bytes()
    {
        var spec = SuccessByBatch(FigureKind.Bar);
        FigureRenderer.Render(spec).Png.Should().Equal(FigureRenderer.Render(spec).Png);
    }

    [Fact]
    public void Grouped_bars_sit_side_by_side_in_category_slots()
    {
        var geometry = FigureGeometry.Of(SuccessByBatch(FigureKind.Bar));

        geometry.XTicks!.Select(t => t.Position).Should().Equal(0, 1, 2, 3, 4);
        geometry.XTicks!.Select(t => t.Label).Should().Equal("8", "16", "32", "64", "128");
        var ours = geometry.Series[0].X;
        var paper = geometry.Series[1].X;
        ours.Zip(paper).Should().OnlyContain(p => p.First < p.Second && p.Second - p.First < 1);
        ours[0].Should().BeApproximately(-0.2, 1e-12);
        paper[0].Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void Error_bars_are_offsets_from_the_point_to_the_interval_ends()
    {
        var s = FigureGeometry.Of(SuccessByBatch(FigureKind.Line)).Series[0];

        s.HasErrors.Should().BeTrue();
        s.ErrorBelow[0].Should().BeApproximately(0.2 - 0.07, 1e-12);
        s.ErrorAbove[0].Should().BeApproximately(0.45 - 0.2, 1e-12);
        FigureGeometry.Of(SuccessByBatch(FigureKind.Line)).Series[1].HasErrors.Should().BeFalse();
    }

    [Fact]
    public void Category_labels_name_the_sorted_distinct_x_values_and_fall_back_to_numbers()
    {
        var spec = SuccessByBatch(FigureKind.Scatter) with
        {
            Series = [new FigureSeries("s", [32, 8, 16, 8], [1, 2, 3, 4])],
            XTickLabels = ["eight", "sixteen"],
        };

        var ticks = FigureGeometry.Of(spec).XTicks!;

        ticks.Select(t => t.Position).Should().Equal(8, 16, 32);
        ticks.Select(t => t.Label).Should().Equal("eight", "sixteen", "32");
    }

    [Fact]
    public void A_log_x_axis_over_few_points_gets_a_tick_at_each()
    {
        var spec = SuccessByBatch(FigureKind.Line) with { LogX = true, XTickLabels = null };

        var ticks = FigureGeometry.Of(spec).XTicks!;

        ticks.Select(t => t.Label).Should().Equal("8", "16", "32", "64", "128");
        ticks.Select(t => t.Position).Should().Equal(new[] { 8.0, 16, 32, 64, 128 }.Select(Math.Log10));
    }

    [Fact]
    public void Crowded_point_ticks_keep_their_marks_but_drop_labels_that_would_overlap()
    {
        double[] batches = [8, 16, 32, 64, 96, 128, 160, 192, 224, 256];
        var spec = SuccessByBatch(FigureKind.Scatter) with
        {
            LogX = true,
            XTickLabels = null,
            Series = [new FigureSeries("s", batches, [.. batches.Select(_ => 1.0)])],
        };

        var ticks = FigureGeometry.Of(spec).XTicks!;

        ticks.Should().HaveCount(10);
        ticks.Select(t => t.Label).Should().Equal("8", "16", "32", "64", "96", "128", "160", "", "", "256");
    }

    [Fact]
    public void A_roc_without_successes_draws_no_kappa_curve_and_says_why_on_the_figure()
    {
        var spec = ClaimC8Kappa.RocFigure([5, 6, 7], [], double.NaN);

        spec.Series.Select(s => s.Label).Should().Equal("chance");
        spec.Annotation.Should().Be("no successes: no ROC");
        spec.Title.Should().EndWith("(no AUC)");
        FigureRenderer.Render(spec).Png.Should().NotBeEmpty();
        ClaimC8Kappa.RocFigure([5, 6], [1, 2], 1).Series.Select(s => s.Label).Should().Equal("kappa", "chance");
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(2, "100")]
    [InlineData(-3, "0.001")]
    [InlineData(-7, "1e-7")]
    [InlineData(6, "1e6")]
    public void Log_axis_ticks_are_labelled_by_their_value(double exponent, string label) =>
        FigureRenderer.DecadeLabel(exponent).Should().Be(label);

    static int DarkPixels(SKBitmap bitmap, int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 128) count++;
            }
        return count;
    }
}
