using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class KappaTests
{
    private static Weights Random()
    {
        var initial = new float[96];
        PopulationTrainer.Initialize(Toy.Config(8) with { Init = InitKind.Independent }, initial, 0);
        return Weights.FromSnapshot(initial, 0, 8);
    }

    [Fact]
    public void Fewer_samples_than_parameters_give_an_infinite_plain_kappa_and_a_finite_effective_one()
    {
        var probe = new float[32 * Pairs.Width];
        Pairs.Draw(probe, 5);
        var kappa = Kappa.Measure(Random(), probe, 1e-6, step: 10);
        kappa.Samples.Should().Be(32);
        kappa.Dimension.Should().Be(96);
        kappa.KappaPlain.Should().Be(double.PositiveInfinity);
        kappa.NumericalRank.Should().BeLessThanOrEqualTo(31);
        kappa.EffectiveRank.Should().BeInRange(1, 31);
        double.IsFinite(kappa.KappaEffective).Should().BeTrue();
        kappa.KappaEffective.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Even_many_samples_leave_the_covariance_singular_along_the_slot_rescalings()
    {
        // U_r -> s U_r, W_:,r -> W_:,r / s leaves every output unchanged, so 2 directions per slot carry no gradient.
        var probe = new float[1000 * Pairs.Width];
        Pairs.Draw(probe, 6);
        var kappa = Kappa.Measure(Random(), probe, 1e-6, step: 1);
        kappa.NumericalRank.Should().BeLessThanOrEqualTo(96 - 16);
        kappa.KappaPlain.Should().Be(double.PositiveInfinity);
        kappa.EffectiveRank.Should().BeLessThanOrEqualTo(96 - 16);
    }

    [Fact]
    public void Kappa_is_recorded_at_the_requested_steps_with_the_batch_as_probe()
    {
        var config = Toy.Config(4, phase1: 60) with { KappaSteps = [10, 60] };
        var result = PopulationTrainer.Train([config], threads: 1)[0];
        result.Kappas.Select(k => k.Step).Should().Equal(10L, 60L);
        result.Kappas.Should().OnlyContain(k => k.Samples == 32 && k.Dimension == 96);
    }
}
