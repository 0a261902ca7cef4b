using StrassenRepro.Crystallization.Crystallize;

namespace StrassenRepro.Tests.Unit.Crystallize;

[Trait("Category", "Fast")]
public class DirectionClustersTests
{
    private static double[] At(double angle) => [Math.Cos(angle), Math.Sin(angle)];

    [Fact]
    public void Directions_within_the_angle_are_one_point_and_the_largest_cluster_comes_first()
    {
        var clusters = DirectionClusters.Of([At(1), At(0), At(1 + 1e-4), At(0.5), At(1 - 2e-4)], 1e-3);
        clusters.Select(c => c.Count).Should().Equal(3, 1, 1);
        clusters[0].Direction.Should().Equal(At(1));
        clusters[1].Direction.Should().Equal(At(0));   // first met among the single ones
        clusters[2].Direction.Should().Equal(At(0.5));
    }

    [Fact]
    public void Opposite_directions_are_the_same_projective_point()
    {
        DirectionClusters.Of([At(0.3), At(0.3 + Math.PI)], 1e-6).Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public void Directions_just_beyond_the_angle_are_separate()
    {
        DirectionClusters.Of([At(0), At(2e-3)], 1e-3).Should().HaveCount(2);
        DirectionClusters.Of([At(0), At(0.5e-3)], 1e-3).Should().HaveCount(1);
    }

    [Fact]
    public void No_directions_no_clusters() => DirectionClusters.Of([], 1e-3).Should().BeEmpty();
}
