using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>The scripts' success tests: train_strassen.py (with its fallback) and the delta-gated one.</summary>
[Trait("Category", "Fast")]
public class SuccessDeciderTests
{
    /// <summary>Strassen in 8 slots, the 8th (pruned) at 0, plus an offset on every non-zero coefficient.</summary>
    private static Scheme EightSlots(Scheme seven, double offset = 0)
    {
        var slots = seven.Map(x => x == 0 ? 0 : x + offset);
        var u = slots.URows().Append([0, 0, 0, 0]).ToArray();
        var v = slots.VRows().Append([0, 0, 0, 0]).ToArray();
        var w = slots.WRows().Select(row => row.Append(0).ToArray()).ToArray();
        return Scheme.FromRows(Shape.Square2, u, v, w);
    }

    [Fact]
    public void Train_strassen_thresholds_are_the_scripts()
    {
        TrainStrassenSuccess.Pairs.Should().Be(10000);
        TrainStrassenSuccess.MaxErrorBelow.Should().Be(1e-5);
        DeltaGatedSuccess.DeltaBelow.Should().Be(0.1);
        DeltaGatedSuccess.Pairs.Should().Be(1000);
        DeltaGatedSuccess.RelativeErrorBelow.Should().Be(1e-5);
    }

    [Fact]
    public void A_run_that_rounds_to_Strassen_passes_train_strassen_without_the_fallback()
    {
        var v = TrainStrassenSuccess.Decide(EightSlots(KnownSchemes.Strassen(), 0.3), new GaussianSource(1));
        v.LearnedPasses.Should().BeTrue("Q removes the 0.3 offsets and there is no delta gate");
        v.MaxError.Should().BeLessThan(1e-5).And.BeGreaterThan(0, "float32 rounding");
        (v.FallbackPasses, v.ScriptReports, v.OnlyByFallback).Should().Be((false, true, false));
    }

    [Fact]
    public void A_failed_run_is_reported_a_success_by_train_strassen_through_its_fallback()
    {
        var v = TrainStrassenSuccess.Decide(EightSlots(ValidationConstant.Scheme()), new GaussianSource(1));
        v.LearnedPasses.Should().BeFalse();
        v.MaxError.Should().BeGreaterThan(0.1);
        (v.FallbackPasses, v.ScriptReports, v.OnlyByFallback).Should().Be((true, true, true));
    }

    [Fact]
    public void The_delta_gate_stops_delta_0_1_and_lets_0_09_through()
    {
        var gated = DeltaGatedSuccess.Decide(EightSlots(KnownSchemes.Strassen(), 0.1), new GaussianSource(2));
        gated.Delta.Should().BeApproximately(0.1, 1e-12);
        (gated.PassedGate, gated.Success, gated.Errors).Should().Be((false, false, (Float32Errors?)null));
        var through = DeltaGatedSuccess.Decide(EightSlots(KnownSchemes.Strassen(), 0.09), new GaussianSource(2));
        through.PassedGate.Should().BeTrue();
        through.Success.Should().BeTrue();
        through.Errors!.Value.Relative.Should().BeLessThan(1e-5);
    }

    [Fact]
    public void The_delta_gated_test_fails_a_wrong_integer_scheme_on_its_relative_error()
    {
        var v = DeltaGatedSuccess.Decide(EightSlots(ValidationConstant.Scheme()), new GaussianSource(3));
        v.Delta.Should().Be(0);
        v.PassedGate.Should().BeTrue();
        v.Success.Should().BeFalse();
        v.Errors!.Value.Relative.Should().BeGreaterThan(0.1);
    }

    [Fact]
    public void The_relative_error_is_max_error_over_max_truth_plus_1e_10()
    {
        new Float32Errors(2e-6, 4).Relative.Should().BeApproximately(2e-6 / (4 + 1e-10), 1e-20);
        new Float32Errors(0, 0).Relative.Should().Be(0);
    }
}
