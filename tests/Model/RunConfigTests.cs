using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class RunConfigTests
{
    [Fact]
    public void The_hash_identifies_the_configuration_and_survives_a_JSON_round_trip()
    {
        var config = TrainingProtocols.Upstream(1, 32);
        config.Hash().Should().MatchRegex("^[0-9a-f]{64}$");
        RunConfig.FromJson(config.ToJson()).Hash().Should().Be(config.Hash());
        (config with { Lr = 0.021 }).Hash().Should().NotBe(config.Hash());
        (config with { Seed = 2 }).Hash().Should().NotBe(config.Hash());
    }

    [Fact]
    public void The_upstream_preset_has_the_public_codes_numbers()
    {
        var c = TrainingProtocols.Upstream(1, 256);
        (c.Slots, c.Init, c.InitStd, c.Data).Should().Be((8, InitKind.Symmetric, 0.5, "fresh"));
        (c.Phase1Epochs, c.Lr, c.WeightDecay, c.ClipNorm, c.Schedule, c.ScheduleT0).Should().Be((30000, 0.02, 1e-4, (double?)1.0, ScheduleKind.CosineWarmRestarts, 10000));
        (c.DecaySteps, c.DecayDepth, c.RefineSteps, c.Phase2BatchSize, c.Phase2Lr, c.Phase2WeightDecay).Should().Be((2000, 0.99, 10000, 256, 0.005, 0.0));
        (c.Beta1, c.Beta2, c.Eps).Should().Be((0.9, 0.999, 1e-8));
        c.Phase1Steps.Should().Be(30000);
        c.Phase2Steps.Should().Be(12000);
    }

    [Fact]
    public void The_paper_preset_uses_the_given_batch_1000_epochs_and_AdamW_with_wd_1e_4()
    {
        var c = TrainingProtocols.Paper(1, 32);
        (c.BatchSize, c.Phase1Epochs, c.WeightDecay, c.Data, c.ScheduleT0).Should().Be((32, 1000, 1e-4, "fixed:1000", 333));
        c.StepsPerEpoch.Should().Be(32);
    }

    [Theory]
    [InlineData("fresh", null)]
    [InlineData("fixed:1000", 1000)]
    public void Data_modes_parse(string text, int? size) => DataMode.Parse(text).FixedSize.Should().Be(size);

    [Theory]
    [InlineData("fixed:0")]
    [InlineData("fixed:")]
    [InlineData("stale")]
    public void Bad_data_modes_are_refused(string text) => ((Action)(() => DataMode.Parse(text))).Should().Throw<ArgumentException>();
}
