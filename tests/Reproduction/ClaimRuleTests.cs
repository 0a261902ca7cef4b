using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>The verdict rules, on counts where the right answer is known.</summary>
[Trait("Category", "Fast")]
public class ClaimRuleTests
{
    [Fact]
    public void C1_is_reproduced_when_068_lies_in_a_narrow_interval()
    {
        ClaimC1SuccessRate.Decide(WilsonInterval.Of(133, 195)).Should().Be(Verdict.Reproduced);
    }

    [Fact]
    public void C1_is_not_reproduced_when_the_interval_excludes_068()
    {
        ClaimC1SuccessRate.Decide(WilsonInterval.Of(20, 100)).Should().Be(Verdict.NotReproduced);
        ClaimC1SuccessRate.Decide(WilsonInterval.Of(100, 100)).Should().Be(Verdict.NotReproduced);
    }

    [Fact]
    public void C1_is_inconclusive_with_too_few_runs_even_when_068_is_inside()
    {
        ClaimC1SuccessRate.Decide(WilsonInterval.Of(3, 5)).Should().Be(Verdict.Inconclusive);
        ClaimC1SuccessRate.Decide(WilsonInterval.Of(0, 0)).Should().Be(Verdict.Inconclusive);
    }

    [Fact]
    public void C2_needs_a_significant_difference_in_the_papers_direction()
    {
        var fisher = FisherExactTest.Of(30, 10, 5, 35).TwoSided;
        ClaimC2BatchSize.Decide(40, 40, 0.75, 0.125, fisher).Should().Be(Verdict.Reproduced);
        ClaimC2BatchSize.Decide(40, 40, 0.125, 0.75, fisher).Should().Be(Verdict.NotReproduced);
        ClaimC2BatchSize.Decide(3, 40, 1, 0, 0.01).Should().Be(Verdict.Inconclusive);
        ClaimC2BatchSize.Decide(10, 10, 0.6, 0.4, 0.6).Should().Be(Verdict.Inconclusive);
        ClaimC2BatchSize.Decide(40, 40, 0.6, 0.5, 0.5).Should().Be(Verdict.NotReproduced);
    }

    [Fact]
    public void C9_recomputes_the_papers_memory_figures()
    {
        var (model, optimizer, perSample) = ClaimC9Memory.Footprint();
        (model, optimizer, perSample).Should().Be((384L, 768L, 320L));
    }

    [Fact]
    public void Claim_ids_outside_C1_to_C12_are_refused()
    {
        var act = () => ClaimCatalog.Select("C1,C13");
        act.Should().Throw<ArgumentException>().WithMessage("*C13*");
        ClaimCatalog.Select("c1, C4").Select(c => c.Id).Should().Equal("C1", "C4");
    }

    [Fact]
    public void Noise_below_one_half_is_undone_by_Q_and_breaks_the_numerical_check()
    {
        var rng = new StrassenRepro.Crystallization.RandomStreams.GaussianSource(1);
        var strassen = StrassenRepro.Crystallization.KnownSchemes.Strassen();
        var noisy = NoiseProbe.AddNoise(strassen, 0.01, rng);
        NoiseProbe.ExactAfterQ(noisy).Should().BeTrue();
        NoiseProbe.MaxErrorOnRandomPairs(noisy, 100, rng).Should().BeGreaterThan(NoiseProbe.NumericalCriterion);
        NoiseProbe.MaxErrorOnRandomPairs(strassen, 100, rng).Should().BeLessThan(1e-12);
    }
}
