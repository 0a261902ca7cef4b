using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class TrainingTests
{
    [Theory]
    [InlineData(EngineKind.Cpu)]
    [InlineData(EngineKind.Torch)]
    public void The_test_loss_falls_over_three_hundred_steps(EngineKind engine)
    {
        var result = PopulationTrainer.Train([Toy.Config(7, phase1: 300)], threads: 1, engine)[0];
        result.Curves.Should().HaveCount(6, "every 50 steps of 300");
        result.Curves[^1].TestLoss.Should().BeLessThan(0.5 * result.Curves[0].TestLoss);
    }

    [Fact]
    public void Pruned_slots_are_exactly_zero_after_decay_and_refinement()
    {
        var config = Toy.Config(3, phase1: 150, decay: 40, refine: 60) with { ActiveThreshold = 0 };
        var result = PopulationTrainer.Train([config], threads: 1)[0];
        result.PruneSkipped.Should().BeFalse();
        result.PrunedSlots.Should().ContainSingle();
        int slot = result.PrunedSlots[0];
        var s = result.Scheme!;
        for (int x = 0; x < 4; x++)
        {
            BitConverter.DoubleToInt64Bits(s.U(slot, x)).Should().Be(0, "the slot is +0, not merely small");
            BitConverter.DoubleToInt64Bits(s.V(slot, x)).Should().Be(0);
            BitConverter.DoubleToInt64Bits(s.W(x, slot)).Should().Be(0);
        }
        Enumerable.Range(0, 8).Where(r => r != slot).Should().OnlyContain(r => s.URow(r).ToArray().Any(c => c != 0));
        result.Steps.Should().Be(150 + 40 + 60);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_bit_for_bit()
    {
        var config = Toy.Config(11, phase1: 120, decay: 20, refine: 20) with { ActiveThreshold = 0 };
        var first = PopulationTrainer.Train([config], threads: 1)[0];
        var second = PopulationTrainer.Train([config], threads: 2)[0];
        second.Scheme!.CoefficientsEqual(first.Scheme!).Should().BeTrue();
        second.Curves.Should().Equal(first.Curves);
        var other = PopulationTrainer.Train([config with { Seed = 12 }], threads: 1)[0];
        other.Scheme!.CoefficientsEqual(first.Scheme!).Should().BeFalse();
    }

    [Fact]
    public void Phase_1_alone_leaves_all_8_slots_active_and_verifies_them_unsparsified()
    {
        var result = PopulationTrainer.Train([Toy.Config(5, phase1: 200)], threads: 1)[0];
        result.PrunedSlots.Should().BeEmpty();
        result.Curves[^1].ActiveSlots.Should().Be(8);
        result.VerifiedSlots.Should().Be(8);
        result.Scheme!.Rank.Should().Be(8);
    }

    [Fact]
    public void Symmetric_init_starts_U_and_V_equal_and_independent_init_does_not()
    {
        var symmetric = new float[3 * 8 * 4];
        PopulationTrainer.Initialize(Toy.Config(1), symmetric, 0);
        symmetric.AsSpan(0, 32).ToArray().Should().Equal(symmetric.AsSpan(32, 32).ToArray());
        var independent = new float[3 * 8 * 4];
        PopulationTrainer.Initialize(Toy.Config(1) with { Init = InitKind.Independent }, independent, 0);
        independent.AsSpan(0, 32).ToArray().Should().NotEqual(independent.AsSpan(32, 32).ToArray());
        double sd = Math.Sqrt(independent.Select(x => (double)x * x).Average());
        sd.Should().BeInRange(0.3, 0.7, "entries are N(0, 0.5^2)");
    }

    [Fact]
    public void Fixed_data_trains_in_passes_over_the_set_with_a_short_last_batch()
    {
        var config = Toy.Config(2, phase1: 10) with { Data = "fixed:100" };
        var result = PopulationTrainer.Train([config], threads: 1)[0];
        result.Steps.Should().Be(10 * 4, "100 pairs in batches of 32 is 4 steps per epoch");
        result.Curves[^1].TrainLoss.Should().BeLessThan(result.Curves[0].TestLoss * 10);
    }
}

[Trait("Category", "Fast")]
public class StrassenBasinTests
{
    [Fact]
    public void Started_next_to_Strassen_the_protocol_prunes_the_extra_slot_and_ends_discrete()
    {
        // A check of the whole pipeline: started 0.05 from Strassen (plus a small 8th slot), training must prune the
        // extra slot and stay close enough to the lattice that Q recovers a valid rank-7 scheme. (Nothing pulls it
        // exactly back: the slot rescalings are flat directions of the loss, so delta stays near the initial noise.)
        var strassen = StrassenRepro.Crystallization.KnownSchemes.Strassen();
        var initial = new float[3 * 8 * 4];
        var noise = new NormalStream(99);
        for (int r = 0; r < 8; r++)
            for (int x = 0; x < 4; x++)
            {
                initial[r * 4 + x] = (float)((r < 7 ? strassen.U(r, x) : 0) + 0.05 * noise.NextNormal());
                initial[32 + r * 4 + x] = (float)((r < 7 ? strassen.V(r, x) : 0) + 0.05 * noise.NextNormal());
                initial[64 + r * 4 + x] = (float)((r < 7 ? strassen.W(x, r) : 0) + 0.05 * noise.NextNormal());
            }
        var config = Toy.Config(1, phase1: 300, decay: 100, refine: 200) with { Lr = 0.005, ActiveThreshold = 0 };
        var result = PopulationTrainer.Train([config], threads: 1, initial: initial)[0];
        result.PrunedSlots.Should().Equal(7);
        var report = StrassenRepro.Crystallization.Verifier.Verify(result.Scheme!, result.VerificationOptions);
        report.Outcome.Should().Be(Outcome.Discrete);
        report.Delta.Should().BeLessThan(0.25);
    }
}

[Trait("Category", "Fast")]
public class DivergenceTests
{
    [Fact]
    public void A_run_that_blows_up_is_reported_as_diverged_without_a_scheme_and_without_disturbing_its_neighbours()
    {
        var calm = Toy.Config(1, phase1: 100, decay: 10, refine: 10) with { ActiveThreshold = 0 };
        var wild = calm with { Seed = 2, Lr = 1e30 };
        var results = PopulationTrainer.Train([calm, wild], threads: 1);
        results[1].Diverged.Should().BeTrue();
        results[1].Scheme.Should().BeNull();
        results[0].Diverged.Should().BeFalse();
        Toy.Coefficients(results[0]).Should().Equal(Toy.Coefficients(PopulationTrainer.Train([calm], threads: 1)[0]));
    }
}
