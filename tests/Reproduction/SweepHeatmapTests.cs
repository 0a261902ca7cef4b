using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Evidence;
using StrassenRepro.Reproduction.Report;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The C8 sweep's heatmaps: half-decade rows, batch-size columns, each cell's counts and share.</summary>
[Trait("Category", "Fast")]
public class SweepHeatmapTests
{
    [Theory]
    [InlineData(1e-5, -10)]
    [InlineData(3e-5, -10)]
    [InlineData(3.2e-5, -9)]
    [InlineData(1e-4, -8)]
    [InlineData(1e-2, -4)]
    public void A_weight_decay_falls_in_its_half_decade(double wd, int k) => SweepHeatmap.HalfDecade(wd).Should().Be(k);

    [Theory]
    [InlineData(-10, "1e-5 to 3.2e-5")]
    [InlineData(-9, "3.2e-5 to 1e-4")]
    [InlineData(1, "3.2e0 to 1e1")]
    public void A_half_decade_is_labelled_by_its_ends(int k, string label) => SweepHeatmap.HalfDecadeLabel(k).Should().Be(label);

    static readonly IReadOnlyList<StrassenRepro.Reproduction.Sweep.RunRecord> Runs =
    [
        SyntheticRuns.At(8, 1e-5, 1, Outcome.Discrete),
        SyntheticRuns.At(8, 2e-5, 2, Outcome.Continuous, Outcome.Discrete),
        SyntheticRuns.At(8, 2e-5, 3, Outcome.Unconverged),
        // Two half decades up, leaving the one between empty.
        SyntheticRuns.At(32, 2e-4, 4, Outcome.Continuous, Outcome.Discrete),
        SyntheticRuns.At(32, 0, 5, Outcome.Discrete),
    ];

    [Fact]
    public void Each_cell_counts_its_runs_and_colours_their_share()
    {
        var (s1, recovery) = (SweepHeatmap.Of(Runs)[0], SweepHeatmap.Of(Runs)[1]);
        s1.Kind.Should().Be(FigureKind.Heatmap);
        s1.Grid!.Columns.Should().Equal("8", "32");
        s1.Grid.Rows.Should().Equal("1e-5 to 3.2e-5", "3.2e-5 to 1e-4", "1e-4 to 3.2e-4");
        s1.Grid.Cells.Should().Equal(new HeatmapCell(0, 0, 1 / 3.0, "1/3"), new HeatmapCell(1, 2, 0, "0/1"));
        recovery.Grid!.Cells.Should().Equal(new HeatmapCell(0, 0, 2 / 3.0, "2/3"), new HeatmapCell(1, 2, 1, "1/1"));
        s1.Id.Should().NotBe(recovery.Id);
    }

    [Fact]
    public void Runs_without_a_positive_weight_decay_are_counted_not_drawn()
    {
        var s1 = SweepHeatmap.Of(Runs)[0];
        s1.Caption.Should().Contain("(1 of 4 in all)").And.Contain("1 run(s) with no positive weight decay not drawn");
        SweepHeatmap.Of(Runs.Take(4).ToList())[0].Caption.Should().NotContain("not drawn");
        FigureRenderer.Render(s1).SkippedPoints.Should().Be(0);
    }

    [Fact]
    public void No_sweep_runs_give_an_empty_grid_that_says_so()
    {
        var empty = SweepHeatmap.Of([])[1];
        empty.Grid!.Cells.Should().BeEmpty();
        empty.Grid.Rows.Should().BeEmpty();
        empty.Annotation.Should().Be("no sweep runs");
        FigureRenderer.Render(empty).Png.Length.Should().BeGreaterThan(1000);
    }
}
