using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class GrokkingDetectorTests
{
    // One curve point per epoch of 10 steps.
    private static List<CurvePoint> Curve(Func<int, (double Train, double Test)> at, int epochs) =>
        Enumerable.Range(1, epochs).Select(e => { var (tr, te) = at(e); return new CurvePoint(e * 10L, 1, tr, te, 0.3, 8); }).ToList();

    [Fact]
    public void A_long_memorization_plateau_followed_by_a_sudden_drop_fires()
    {
        var curve = Curve(e => e < 20 ? (1e-2, 1.0) : e < 150 ? (1e-8, 0.5) : (1e-8, 1e-4), 200);
        var d = GrokkingDetector.Detect(curve, stepsPerEpoch: 10);
        d.Fired.Should().BeTrue();
        d.PlateauEpochs.Should().BeApproximately(129, 1e-9);
        d.DropStep.Should().Be(1500);
    }

    [Fact]
    public void A_plateau_shorter_than_100_epochs_does_not_fire()
    {
        var curve = Curve(e => e < 50 ? (1e-8, 0.5) : (1e-8, 1e-4), 200);
        GrokkingDetector.Detect(curve, 10).Fired.Should().BeFalse();
    }

    [Fact]
    public void A_slow_decline_after_the_plateau_is_not_abrupt()
    {
        // After a long plateau the test loss declines smoothly through 0.1 (a factor 10 every 40 epochs).
        var curve = Curve(e => (1e-8, e <= 120 ? 0.5 : 0.5 * Math.Pow(10, -(e - 120) / 40.0)), 250);
        GrokkingDetector.Detect(curve, 10).Fired.Should().BeFalse();
    }

    [Fact]
    public void Ordinary_training_where_train_and_test_fall_together_does_not_fire()
    {
        var curve = Curve(e => (Math.Pow(10, -e / 20.0), 1.1 * Math.Pow(10, -e / 20.0)), 300);
        GrokkingDetector.Detect(curve, 10).Fired.Should().BeFalse();
    }
}
