using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>
/// validate2.py's balanced runs (:907-1129). The configurations of its log
/// (experiments/extended_experiments/results.txt, the "LR: ..., WD: ..., Batch: ..." lines 259-403): runs 1-11 the
/// written ones, 12 onwards the cycled variations.
/// </summary>
[Trait("Category", "Fast")]
public class BalancedRunsTests
{
    // results.txt:259-403, runs 1..25: (LR, WD, Batch) as printed (%.5f, %.6f).
    private static readonly (double Lr, double Wd, int B)[] Logged =
    [
        (0.02000, 0.000100, 256), (0.01600, 0.000080, 256), (0.02400, 0.000080, 256), (0.00100, 0.000100, 256),
        (0.00200, 0.000050, 256), (0.10000, 0.000200, 256), (0.20000, 0.000500, 256), (0.02000, 0.001000, 256),
        (0.02000, 0.000001, 256), (0.02000, 0.000100, 32), (0.02000, 0.000100, 1024), (0.01800, 0.000080, 256),
        (0.01760, 0.000096, 256), (0.03120, 0.000064, 256), (0.00090, 0.000120, 256), (0.00220, 0.000040, 256),
        (0.13000, 0.000240, 256), (0.18000, 0.000400, 256), (0.02200, 0.001200, 256), (0.02600, 0.000001, 256),
        (0.01800, 0.000120, 32), (0.02200, 0.000080, 1024), (0.01800, 0.000080, 256), (0.01760, 0.000096, 256),
        (0.03120, 0.000064, 256),
    ];

    [Fact]
    public void Configurations_are_the_logged_ones_in_order()
    {
        var configs = BalancedRuns.Configurations(60);
        configs.Should().HaveCount(60);
        for (int i = 0; i < Logged.Length; i++)
        {
            configs[i].Index.Should().Be(i);
            Math.Round(configs[i].Lr, 5).Should().BeApproximately(Logged[i].Lr, 1e-12, $"run {i + 1}");
            Math.Round(configs[i].WeightDecay, 6).Should().BeApproximately(Logged[i].Wd, 1e-12, $"run {i + 1}");
            configs[i].BatchSize.Should().Be(Logged[i].B);
        }
        configs.Select(c => c.BatchSize).Distinct().Order().Should().Equal(32, 256, 1024);
        BalancedRuns.Configurations(20).Should().HaveCount(20);
    }

    [Fact]
    public void A_run_is_the_validate2_protocol_seeded_42_plus_its_index()
    {
        var run = BalancedRuns.Configurations(12)[11].Run();
        (run.Protocol, run.Seed, run.BatchSize, run.Phase1Epochs).Should().Be(("validate2", 53L, 256, 3000));
        run.Lr.Should().BeApproximately(0.018, 1e-12);
    }

    [Fact]
    public void The_label_is_the_accuracy_thresholded_and_the_score_is_the_same_accuracy()
    {
        var strassen = BalancedRuns.Label(KnownSchemes.Strassen(), new GaussianSource(1));
        (strassen.Accuracy, strassen.Grokked, strassen.Score).Should().Be((100.0, true, 1.0));
        var wrong = BalancedRuns.Label(ValidationConstant.Scheme(), new GaussianSource(1));
        wrong.Grokked.Should().BeFalse();
        new BalancedRunLabel(99.9).Grokked.Should().BeTrue();
        new BalancedRunLabel(99.88).Grokked.Should().BeFalse();
    }
}
