using StrassenRepro.Crystallization.Recovery;

namespace StrassenRepro.Tests.Unit.Mutation.Recovery;

[Trait("Category", "Fast")]
public class ProjectiveFrameMapTests
{
    private static readonly ProjectivePoint[] Standard = [new(1, 0), new(0, 1), new(1, 1)];

    public static TheoryData<double, double, double, double, double, double> DistinctTriples => new()
    {
        { 1, 1, 1, -1, 1, 0 },  // a.X b.Y + a.Y b.X = 0: only the difference is the determinant
        { 2, 1, 1, 2, 1, 1 },   // a.X / b.Y - a.Y b.X = 0
        { 0.3, 1.1, -2, 0.5, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(DistinctTriples))]
    public void Any_three_distinct_points_are_mapped_onto_the_standard_frame(double ax, double ay, double bx, double by, double cx, double cy)
    {
        ProjectivePoint[] source = [new(ax, ay), new(bx, by), new(cx, cy)];
        var m = ProjectiveFrame.Map(source, Standard);
        for (int k = 0; k < 3; k++)
            Apply(m, source[k]).SineTo(Standard[k]).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void A_target_whose_first_two_points_coincide_is_refused()
    {
        var act = () => ProjectiveFrame.Map(Standard, [new(1, 0), new(2, 0), new(1, 1)]);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0, 1, 0, 2)]   // the third point is the second one
    [InlineData(1, 0, 3, 0)]   // the third point is the first one
    public void A_target_whose_third_point_coincides_with_another_is_refused(double bx, double by, double cx, double cy)
    {
        var act = () => ProjectiveFrame.Map(Standard, [new(1, 0), new(bx, by), new(cx, cy)]);
        act.Should().Throw<ArgumentException>();
    }

    private static ProjectivePoint Apply(double[,] m, ProjectivePoint p) =>
        new(m[0, 0] * p.X + m[0, 1] * p.Y, m[1, 0] * p.X + m[1, 1] * p.Y);
}
