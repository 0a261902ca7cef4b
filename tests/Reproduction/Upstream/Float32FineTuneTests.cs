using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validate2.py's fine-tune (200 AdamW steps, no mask): the reason its pruning "survives" sparsities that the pruned
/// scheme itself does not: pruned weights get gradients and grow back.
/// </summary>
[Trait("Category", "Fast")]
public class Float32FineTuneTests
{
    [Fact]
    public void The_settings_are_the_scripts()
    {
        (Float32FineTune.Steps, Float32FineTune.BatchSize).Should().Be((200, 256));
        (Float32FineTune.Lr, Float32FineTune.WeightDecay).Should().Be((0.005f, 1e-4f));
    }

    [Fact]
    public void Run_regrows_a_pruned_coefficient_of_Strassen_towards_its_value()
    {
        var s = new Float32Scheme(KnownSchemes.Strassen());
        int pruned = Array.FindIndex(s.Weights, x => x == 1);
        s.Weights[pruned] = 0;
        Float32FineTune.Run(s, new GaussianSource(5));
        // Adam moves a weight by at most about lr a step, 0.5 in all under the cosine schedule (200 x 0.005 / 2).
        s.Weights[pruned].Should().BeInRange(0.1f, 0.55f, "no mask: the zeroed weight receives the gradient");
    }

    [Fact]
    public void Run_leaves_exact_Strassen_near_itself()
    {
        var s = new Float32Scheme(KnownSchemes.Strassen());
        var before = s.Weights.ToArray();
        Float32FineTune.Run(s, new GaussianSource(5));
        // Zero loss: only the decay (lr x wd ~ 5e-7 per step) and the loss it restores move the weights.
        s.Weights.Zip(before, (x, y) => Math.Abs(x - y)).Max().Should().BeLessThan(1e-2f);
    }
}
