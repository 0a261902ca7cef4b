using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validation_experiments.py's grokking "simulation" (:184-247). Its output (experiments/validation_results.json,
/// grokking): grok_epoch 450, final_train_loss_success 0.0003355683537303254, final_test_loss_success
/// 0.0012404505785976597, final_train_loss_fail 0.006747946999085467, final_test_loss_fail 0.296894819023505.
/// </summary>
[Trait("Category", "Fast")]
public class SyntheticGrokkingCurvesTests
{
    [Fact]
    public void The_curves_end_where_upstreams_did_within_their_noise()
    {
        var g = SyntheticGrokkingCurves.Generate(new GaussianSource(42));
        g.GrokEpoch.Should().Be(450);
        g.TrainSuccess[^1].Should().BeApproximately(0.0003355683537303254, 5e-8);
        g.TestSuccess[^1].Should().BeApproximately(0.0012404505785976597, 5e-7);
        g.TrainFailure[^1].Should().BeApproximately(0.006747946999085467, 1e-15, "no noise on this curve");
        g.TestFailure[^1].Should().BeInRange(0.1, 0.5);
    }

    [Fact]
    public void The_drop_starts_at_the_typed_grok_point_and_our_detector_does_not_fire()
    {
        var g = SyntheticGrokkingCurves.Generate(new GaussianSource(42));
        g.TestSuccess[449].Should().BeApproximately(0.5, 1e-6);
        g.TestSuccess[451].Should().BeLessThan(0.5);
        g.TrainSuccess.Min().Should().BeGreaterThan(3e-4, "exp(-8): the train loss never goes below 1e-6");
        GrokkingDetector.Detect(g.SuccessCurve(), 1).Fired.Should().BeFalse();
    }

    [Fact]
    public void Linspace_includes_both_ends()
    {
        SyntheticGrokkingCurves.Linspace(0, 8, 5).Should().Equal(0, 2, 4, 6, 8);
    }
}
