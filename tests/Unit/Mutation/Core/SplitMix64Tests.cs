using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Tests.Unit.Mutation.Core;

[Trait("Category", "Fast")]
public class SplitMix64Tests
{
    [Fact]
    public void The_stream_from_state_zero_matches_the_reference_implementation()
    {
        ulong state = 0;
        SplitMix64.Next(ref state).Should().Be(0xE220A8397B1DCDAFUL);
        SplitMix64.Next(ref state).Should().Be(0x6E789E6AA1B965F4UL);
        SplitMix64.Next(ref state).Should().Be(0x06C45D188009454FUL);
        state.Should().Be(unchecked(3 * 0x9E3779B97F4A7C15UL));
    }

    [Fact]
    public void Uniform_of_zero_bits_is_half_a_step_above_zero()
    {
        SplitMix64.Uniform(0).Should().Be(Math.Pow(2, -54));
    }

    [Fact]
    public void Uniform_uses_the_top_53_bits_and_centres_each_step()
    {
        SplitMix64.Uniform(1UL << 11).Should().Be(1.5 * Math.Pow(2, -53));
        SplitMix64.Uniform((1UL << 11) - 1).Should().Be(Math.Pow(2, -54));
    }

    [Fact]
    public void Uniform_of_all_ones_rounds_to_exactly_one_and_the_step_below_stays_below()
    {
        SplitMix64.Uniform(ulong.MaxValue).Should().Be(1.0);
        SplitMix64.Uniform(ulong.MaxValue - (1UL << 11)).Should().BeLessThan(1.0);
    }
}
