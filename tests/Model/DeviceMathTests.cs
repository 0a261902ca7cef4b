using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model.Gpu;

namespace StrassenRepro.Tests.Model;

/// <summary>The kernels' own exp and log against System.Math over the ranges the ziggurat's slow path uses.</summary>
[Trait("Category", "Fast")]
public class DeviceMathTests
{
    [Fact]
    public void Exp_is_within_a_few_ulps_of_Math_Exp_on_minus_seven_to_zero()
    {
        double worst = 0;
        for (int i = 0; i <= 20000; i++)
        {
            double x = -7.0 * i / 20000;
            worst = Math.Max(worst, Math.Abs(DeviceMath.Exp(x) - Math.Exp(x)) / Math.Exp(x));
        }
        worst.Should().BeLessThan(4e-16);
        DeviceMath.Exp(0).Should().Be(1);
        DeviceMath.Exp(-700).Should().BeApproximately(Math.Exp(-700), Math.Exp(-700) * 1e-15);
    }

    [Fact]
    public void Log_is_within_a_few_ulps_of_Math_Log_on_uniform_draws()
    {
        double worst = 0;
        var rng = new StrassenRepro.Crystallization.RandomStreams.NormalStream(12345);
        for (int i = 0; i < 20000; i++)
        {
            double u = rng.NextUniform();
            worst = Math.Max(worst, Math.Abs(DeviceMath.Log(u) - Math.Log(u)) / Math.Max(1e-300, Math.Abs(Math.Log(u))));
        }
        worst.Should().BeLessThan(4e-16);
        DeviceMath.Log(1).Should().Be(0);
        DeviceMath.Log(0.5).Should().Be(-Math.Log(2));
        DeviceMath.Log(Math.Pow(2, -54)).Should().BeApproximately(-54 * Math.Log(2), 1e-13);
    }
}
