using SkiaSharp;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>Heatmaps: each cell in its place, coloured by its value, its label readable, bad cells counted.</summary>
[Trait("Category", "Fast")]
public class HeatmapFigureTests
{
    internal static FigureSpec Grid(params HeatmapCell[] cells) => new()
    {
        Id = "grid",
        Title = "grid",
        XLabel = "batch size B",
        YLabel = "weight decay",
        Kind = FigureKind.Heatmap,
        Series = [],
        Grid = new HeatmapGrid(["8", "16"], ["low", "high"], cells, "share"),
    };

    static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable PNG");

    /// <summary>Mean brightness (0..255) of a small square around a point given as fractions of the data area.</summary>
    static double Brightness(SKBitmap bitmap, int x, int y)
    {
        double sum = 0;
        int n = 0;
        for (int dx = -3; dx <= 3; dx++)
            for (int dy = -3; dy <= 3; dy++)
            {
                var c = bitmap.GetPixel(x + dx, y + dy);
                sum += (c.Red + c.Green + c.Blue) / 3.0;
                n++;
            }
        return sum / n;
    }

    [Fact]
    public void Cells_are_dark_at_zero_and_bright_at_one_in_their_places()
    {
        // Column 0 row 0 (bottom left): 0, Viridis' dark purple; column 1 row 1 (top right): 1, its yellow; the
        // other two cells hold no data and stay white. The data area spans about x 60..700, y 45..450.
        var figure = FigureRenderer.Render(Grid(new HeatmapCell(0, 0, 0, ""), new HeatmapCell(1, 1, 1, "")));
        figure.SkippedPoints.Should().Be(0);
        using var bitmap = Decode(figure.Png);
        Brightness(bitmap, 220, 350).Should().BeLessThan(80, "0 is dark");
        var top = bitmap.GetPixel(540, 145);
        ((int)top.Red, (int)top.Green, (int)top.Blue).Should().Match<(int R, int G, int B)>(c => c.R > 200 && c.G > 200 && c.B < 100, "1 is yellow");
        Brightness(bitmap, 220, 145).Should().BeGreaterThan(240, "an empty cell is white");
        Brightness(bitmap, 540, 350).Should().BeGreaterThan(240, "an empty cell is white");
    }

    [Fact]
    public void A_label_is_drawn_in_its_cell_light_on_dark_and_dark_on_light()
    {
        static int Ink(FigureSpec spec, int x, int y, bool light)
        {
            using var bitmap = Decode(FigureRenderer.Render(spec).Png);
            int count = 0;
            for (int dx = -40; dx <= 40; dx++)
                for (int dy = -10; dy <= 10; dy++)
                {
                    var c = bitmap.GetPixel(x + dx, y + dy);
                    int v = (c.Red + c.Green + c.Blue) / 3;
                    if (light ? v > 200 : v < 60) count++;
                }
            return count;
        }
        Ink(Grid(new HeatmapCell(0, 0, 0, "12/345")), 220, 350, light: true).Should().BeGreaterThan(20);
        Ink(Grid(new HeatmapCell(0, 0, 0, "")), 220, 350, light: true).Should().Be(0);
        Ink(Grid(new HeatmapCell(1, 1, 1, "12/345")), 540, 145, light: false).Should().BeGreaterThan(20);
        Ink(Grid(new HeatmapCell(1, 1, 1, "")), 540, 145, light: false).Should().Be(0);
    }

    [Fact]
    public void Cells_outside_the_grid_or_without_a_value_are_counted_as_not_drawn()
    {
        var figure = FigureRenderer.Render(Grid(new HeatmapCell(2, 0, 0.5, "x"), new HeatmapCell(0, -1, 0.5, "x"),
            new HeatmapCell(0, 0, double.NaN, "x"), new HeatmapCell(1, 0, 0.5, "ok")));
        figure.SkippedPoints.Should().Be(3);
        var caption = new ReportFigure(Grid(), "figures/grid.png", figure).Caption;
        caption.Should().Contain("3 point(s) not drawn");
    }

    [Fact]
    public void A_heatmap_without_a_grid_or_rows_still_renders()
    {
        FigureRenderer.Render(Grid() with { Grid = null }).SkippedPoints.Should().Be(0);
        var noRows = Grid() with { Grid = new HeatmapGrid(["8"], [], [new HeatmapCell(0, 0, 1, "1/1")], "share") };
        FigureRenderer.Render(noRows).SkippedPoints.Should().Be(1);
    }

    [Theory]
    [InlineData(0.5, 0, 1, 0.5)]
    [InlineData(-1, 0, 1, 0)]
    [InlineData(2, 0, 1, 1)]
    [InlineData(15, 10, 20, 0.5)]
    [InlineData(3, 1, 1, 0)]
    public void A_value_takes_its_place_on_the_scale(double value, double min, double max, double shade) =>
        HeatmapDrawing.Shade(value, new HeatmapGrid([], [], [], "", min, max)).Should().BeApproximately(shade, 1e-12);
}
