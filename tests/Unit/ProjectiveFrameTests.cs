using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit;

[Trait("Category", "Fast")]
public class ProjectiveFrameTests
{
    [Fact]
    public void The_frame_map_sends_each_source_point_onto_its_target_point()
    {
        ProjectivePoint[] source = [new(0.3, 1.1), new(-2, 0.5), new(1, 1)];
        ProjectivePoint[] target = [new(1, 0), new(0, 1), new(1, -1)];
        var m = ProjectiveFrame.Map(source, target);
        for (int k = 0; k < 3; k++)
        {
            var image = new ProjectivePoint(m[0, 0] * source[k].X + m[0, 1] * source[k].Y, m[1, 0] * source[k].X + m[1, 1] * source[k].Y);
            image.SineTo(target[k]).Should().BeLessThan(1e-12);
        }
    }

    [Fact]
    public void Two_coinciding_points_are_rejected()
    {
        var act = () => ProjectiveFrame.Map([new(1, 0), new(2, 0), new(1, 1)], [new(1, 0), new(0, 1), new(1, 1)]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_rank_one_matrix_has_ratio_zero_and_its_directions_as_left_and_right_points()
    {
        // x y^T with x = (1, -1), y = (2, 3), row-major.
        var d = RankOneDirections.Of([2, 3, -2, -3]);
        d.Ratio.Should().BeLessThan(1e-12);
        d.Left.SineTo(new ProjectivePoint(1, -1)).Should().BeLessThan(1e-12);
        d.Right.SineTo(new ProjectivePoint(2, 3)).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void The_identity_is_not_rank_one()
    {
        RankOneDirections.Of([1, 0, 0, 1]).Ratio.Should().Be(1);
    }
}
