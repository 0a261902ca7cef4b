using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

/// <summary>A run's result must not depend on the population it was trained in.</summary>
[Trait("Category", "Fast")]
public class PopulationTests
{
    private static RunConfig[] Sixteen() => Enumerable.Range(0, 16).Select(i => Toy.Config(100 + i, phase1: 150, decay: 25, refine: 25) with
    {
        Lr = 0.01 + 0.001 * i,
        WeightDecay = i % 2 == 0 ? 1e-4 : 1e-3,
        Init = i % 3 == 0 ? InitKind.Independent : InitKind.Symmetric,
        ActiveThreshold = i % 4 == 0 ? 1e9 : 0,   // every fourth run skips Phase 2, the others prune
    }).ToArray();

    [Theory]
    [InlineData(EngineKind.Cpu)]
    [InlineData(EngineKind.Torch)]
    public void A_run_trained_alone_equals_the_same_run_inside_a_population_of_16_bit_for_bit(EngineKind engine)
    {
        var runs = Sixteen();
        var together = PopulationTrainer.Train(runs, threads: 2, engine);
        together.Count(r => r.Steps == 200).Should().Be(12);
        together.Where(r => r.PruneSkipped).Should().HaveCount(4).And.OnlyContain(r => r.Steps == 150);
        foreach (int i in new[] { 0, 5, 15 })
        {
            var alone = PopulationTrainer.Train([runs[i]], threads: 1, engine)[0];
            Toy.Coefficients(alone).Should().Equal(Toy.Coefficients(together[i]), $"run {i} alone vs in the population");
            alone.Curves.Should().Equal(together[i].Curves);
            alone.PrunedSlots.Should().Equal(together[i].PrunedSlots);
        }
    }

    [Fact]
    public void Runs_of_different_shapes_cannot_share_a_population()
    {
        var act = () => PopulationTrainer.Train([Toy.Config(1), Toy.Config(2) with { BatchSize = 64 }]);
        act.Should().Throw<ArgumentException>().WithMessage("*share*");
    }

    [Fact]
    public void The_two_engines_follow_the_same_trajectory_for_a_few_steps()
    {
        // Float sums in a different order (bmm vs SIMD lanes) separate chaotic trajectories in the long run;
        // over 20 steps they must agree to float rounding.
        var config = Toy.Config(9, phase1: 20) with { CurveInterval = 0 };
        var cpu = Toy.Coefficients(PopulationTrainer.Train([config], 1, EngineKind.Cpu)[0]);
        var torch = Toy.Coefficients(PopulationTrainer.Train([config], 1, EngineKind.Torch)[0]);
        for (int k = 0; k < cpu.Length; k++) cpu[k].Should().BeApproximately(torch[k], 1e-4f);
    }
}
