using StrassenRepro.Model;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Upstream;

namespace StrassenRepro.Tests.Reproduction.Upstream;

/// <summary>The re-executed scripts' own designs: their runs, whatever the study preset (smoke takes 2 seeds).</summary>
[Trait("Category", "Fast")]
public class UpstreamDesignTests
{
    [Fact]
    public void ApendixBatchStudy_is_10_batch_sizes_by_5_seeds_under_its_protocol()
    {
        var runs = ApendixBatchStudy.Runs(StudyPreset.Quick).ToList();
        runs.Should().HaveCount(50);
        runs.Select(r => r.BatchSize).Distinct().Should().Equal(8, 16, 24, 32, 48, 64, 96, 128, 192, 256);
        runs.Select(r => r.Seed).Distinct().Should().Equal(42, 123, 456, 789, 101);
        runs.Should().OnlyContain(r => r.Protocol == "apendix-experiments" && r.Phase1Epochs == 2000);
        ApendixBatchStudy.Runs(StudyPreset.Paper).Should().Equal(runs, "the script's design, not the preset's");
        ApendixBatchStudy.Runs(StudyPreset.Smoke).Should().HaveCount(20);
    }

    [Fact]
    public void RigorousStudy_trains_25_runs_each_standing_for_the_scripts_3()
    {
        var runs = RigorousStudy.Runs(StudyPreset.Quick).ToList();
        runs.Should().HaveCount(25);
        runs.Select(r => r.BatchSize).Distinct().Should().Equal(8, 16, 32, 64, 128);
        runs.Should().OnlyContain(r => r.Protocol == "rigorous-experiment");
        RigorousStudy.RunsPerSeed.Should().Be(3);
        RigorousStudy.Runs(StudyPreset.Smoke).Should().HaveCount(10);
    }

    [Fact]
    public void Every_protocol_names_the_upstream_script_it_follows()
    {
        ProtocolSources.Follows("train-strassen").Should().Be("src/training/train_strassen.py");
        ProtocolSources.Follows("apendix-experiments").Should().Be("experiments/apendix_experiments.py");
        ProtocolSources.Follows("rigorous-experiment").Should().Be("experiments/statistics/rigorous_experiment.py");
        ProtocolSources.Follows("validate2").Should().Be("experiments/extended_experiments/validate2.py");
        ProtocolSources.Follows("upstream").Should().StartWith("src/training/train_strassen.py");
        ProtocolSources.Follows("paper").Should().StartWith("no upstream script");
        ProtocolSources.Listing().Split("; ").Should().HaveCount(TrainingProtocols.Names.Count);
    }
}
