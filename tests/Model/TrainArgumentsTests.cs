using StrassenRepro.Model;

namespace StrassenRepro.Tests.Model;

[Trait("Category", "Fast")]
public class TrainArgumentsTests
{
    public static TheoryData<string> Configurations() =>
    [
        TrainingProtocols.Upstream(87, 8).ToJson(),
        (TrainingProtocols.Upstream(5923, 32) with
        {
            Phase1Epochs = 3000, ScheduleT0 = 1000, Lr = 0.00189, WeightDecay = 0.008858667904100823, KappaSteps = [3000],
            KappaSamples = 256,
        }).ToJson(),
        (TrainingProtocols.Paper(4, 64) with { CurveInterval = 16 }).ToJson(),
        TrainingProtocols.RigorousExperiment(7, 16).ToJson(),
        TrainingProtocols.ApendixExperiments(3, 48, 2000).ToJson(),
        TrainingProtocols.Validate2(9, 256, 0.1 + 0.2, 3e-5).ToJson(),
        (TrainingProtocols.TrainStrassen(1, 256) with { Prune = false }).ToJson(),
        // A custom run of another shape, with fields the protocols leave absent or at their defaults.
        (TrainingProtocols.Upstream(5, 16).WithShape(new Crystallization.Shape(2, 2, 3)) with
        {
            Protocol = "custom", Slots = 11, TargetSlots = 11, Init = InitKind.Independent, DataSeed = -3,
            ClipNorm = null, Phase2ClipNorm = 0.5, ScheduleTMult = 3, Optimizer = OptimizerKind.Sgd, Eps = 1e-300,
        }).ToJson(),
    ];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Any_configuration_written_as_train_arguments_reads_back_to_the_same_hash(string json)
    {
        var config = RunConfig.FromJson(json).Validated();
        var arguments = TrainArguments.For(config);
        arguments.ToConfig().Hash().Should().Be(config.Hash());
        arguments.ToConfig().ToJson().Should().Be(config.ToJson());
        // Read back from its words, as the train command gets them.
        var words = arguments.ToWords();
        words.Should().OnlyContain(w => w.Length > 0 && !w.Contains(' ') && !w.Contains('"') && !w.Contains('\''));
        var settings = words.Select((w, i) => (w, i)).Where(x => x.w == "--set").Select(x => RunSetting.Parse(words[x.i + 1]));
        RunSetting.Apply(TrainingProtocols.ByName(words[1], long.Parse(words[3]), int.Parse(words[5])), settings)
            .Hash().Should().Be(config.Hash());
    }

    [Fact]
    public void Only_the_fields_that_differ_from_the_protocol_are_written()
    {
        TrainArguments.For(TrainingProtocols.Upstream(87, 8)).ToWords().Should()
            .Equal("--protocol", "upstream", "--seed", "87", "--batch-size", "8");
        var c8 = TrainingProtocols.Upstream(2001, 32) with { Phase1Epochs = 3000, Lr = 0.1 + 0.2, KappaSteps = [3000, 6000] };
        TrainArguments.For(c8).Settings.Select(s => s.ToString()).Should()
            .Equal("phase1Epochs=3000", "lr=0.30000000000000004", "kappaSteps=3000,6000");
        var custom = TrainingProtocols.Upstream(1, 8) with { Protocol = "custom", ClipNorm = null };
        TrainArguments.For(custom).Settings.Select(s => s.ToString()).Should().Equal("preset=custom", "clipNorm=null");
    }

    [Fact]
    public void Settings_are_applied_in_order_and_typed_by_their_field()
    {
        var c = RunSetting.Apply(TrainingProtocols.Upstream(1, 8),
        [
            RunSetting.Parse("lr=0.5"), RunSetting.Parse("lr=0.25"), RunSetting.Parse("init=independent"),
            RunSetting.Parse("shape=2,2,3"), RunSetting.Parse("kappaSteps="), RunSetting.Parse("dataSeed=null"),
            RunSetting.Parse("prune=false"), RunSetting.Parse("schedule=constant"), RunSetting.Parse("data=fixed:1000"),
        ]);
        (c.Lr, c.Init, c.Shape, c.KappaSteps.Count, c.DataSeed, c.Prune, c.Schedule, c.Data).Should()
            .Be((0.25, InitKind.Independent, new Crystallization.Shape(2, 2, 3), 0, (long?)null, false, ScheduleKind.Constant, "fixed:1000"));
        RunSetting.Keys.Should().StartWith(["preset", "seed", "shape", "slots"]).And.Contain("kappaRelativeCutoff")
            .And.NotContain(["dataMode", "dataKey", "phase1Steps", "layout"]);
    }

    [Theory]
    [InlineData("lr", "expected key=value")]
    [InlineData("=3", "expected key=value")]
    [InlineData("learningRate=0.1", "'learningRate' is not a run setting")]
    [InlineData("lr=fast", "lr=fast: the value must be a finite number")]
    [InlineData("lr=NaN", "must be a finite number")]
    [InlineData("lr=null", "must be a finite number")]
    [InlineData("slots=8.5", "must be an integer")]
    [InlineData("seed=99999999999999999999", "must be an integer")]
    [InlineData("prune=yes", "must be true or false")]
    [InlineData("init=Symmetric", "must be symmetric, independent, xavierUniform")]
    [InlineData("kappaSteps=1,x", "must be comma-separated integers")]
    [InlineData("kappaSteps=null", "must be comma-separated integers")]
    public void A_bad_setting_is_refused_in_one_line_that_names_it(string text, string message)
    {
        var act = () => RunSetting.Parse(text);
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(message).And.NotContain("\n");
    }

    [Fact]
    public void A_setting_no_run_can_have_is_refused_by_validation()
    {
        var arguments = new TrainArguments { Protocol = "upstream", Seed = 1, BatchSize = 8, Settings = [RunSetting.Parse("slots=0")] };
        arguments.Invoking(a => a.ToConfig()).Should().Throw<ArgumentException>().WithMessage("slots must be in 1..64");
    }
}
