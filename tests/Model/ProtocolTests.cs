using System.Numerics;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;
using StrassenRepro.Model.Gpu;
using TorchSharp;

namespace StrassenRepro.Tests.Model;

/// <summary>The training protocols named after the upstream scripts, and the knobs they brought.</summary>
[Trait("Category", "Fast")]
public class ProtocolTests
{
    [Fact]
    public void New_knobs_leave_the_older_protocols_json_and_hash_as_they_were()
    {
        var upstream = TrainingProtocols.Upstream(1, 32);
        foreach (var key in new[] { "dataSeed", "optimizer", "initGain", "scheduleTMult" })
            upstream.ToJson().Should().NotContain($"\"{key}\"");
        // The hash `train --seed 1 --batch-size 32` printed before these knobs existed (run-26ccdf7d9df9e83c.json).
        upstream.Hash().Should().StartWith("26ccdf7d9df9e83c");
        upstream.ToJson().Should().Contain("\"preset\":\"upstream\"");
        TrainingProtocols.RigorousExperiment(1, 32).ToJson().Should().Contain("\"optimizer\":\"sgd\"").And.Contain("\"initGain\":0.1");
        TrainingProtocols.Validate2(1).ToJson().Should().Contain("\"dataSeed\":42").And.Contain("\"scheduleTMult\":2");
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(999, 4.934798e-6)]    // 1 + cos(pi 999/1000), the end of the first period
    [InlineData(1000, 2.0)]           // restart: the second period is 2000 long
    [InlineData(2000, 1.0)]           // halfway through it: 1 + cos(pi/2)
    [InlineData(3000, 2.0)]           // restart: the third period is 4000 long
    [InlineData(4000, 1.7071067812)]  // 1 + cos(pi/4)
    public void Warm_restarts_with_t_mult_2_lengthen_each_period(long epoch, double term) =>
        LrSchedule.Term(ScheduleKind.CosineWarmRestarts, 1000, epoch, 2)!.Value.Should().BeApproximately(term, 1e-9);

    [Fact]
    public void A_restart_multiplier_of_1_is_the_old_closed_form_bit_for_bit()
    {
        for (long e = 0; e < 25000; e += 7)
            LrSchedule.Term(ScheduleKind.CosineWarmRestarts, 10000, e, 1).Should().Be(1 + Math.Cos(Math.PI * (e % 10000) / 10000));
    }

    [Fact]
    public void Xavier_init_draws_uniformly_inside_the_bound()
    {
        var c = TrainingProtocols.RigorousExperiment(5, 32);
        var p = new float[3 * c.Slots * 4];
        PopulationTrainer.Initialize(c, p, 0);
        double bound = 0.1 * Math.Sqrt(6.0 / (4 + 7));
        p.Should().OnlyContain(x => Math.Abs(x) <= bound);
        p.Max(Math.Abs).Should().BeGreaterThan((float)(0.9 * bound));
        p.Distinct().Count().Should().Be(p.Length, "U, V and W are independent draws");
    }

    [Fact]
    public void A_shared_data_seed_gives_different_runs_the_same_batches_and_test_set_but_their_own_init()
    {
        var a = TrainingProtocols.ApendixExperiments(42, 32, 200);
        var b = TrainingProtocols.ApendixExperiments(123, 32, 200);
        new RunData(a).TestSet.Should().Equal(new RunData(b).TestSet);
        var batchA = new float[32 * Pairs.Width];
        var batchB = new float[32 * Pairs.Width];
        new RunData(a).FillBatch(batchA, new BatchKey(StreamKey.TrainBatch, 17, 17, 0));
        new RunData(b).FillBatch(batchB, new BatchKey(StreamKey.TrainBatch, 17, 17, 0));
        batchA.Should().Equal(batchB);
        var initA = new float[96];
        var initB = new float[96];
        PopulationTrainer.Initialize(a, initA, 0);
        PopulationTrainer.Initialize(b, initB, 0);
        initA.Should().NotEqual(initB);
    }

    [Fact]
    public void Sgd_steps_match_torch_optim_SGD_with_weight_decay()
    {
        const int Steps = 10;
        var config = TrainingProtocols.RigorousExperiment(9, 16) with { Data = "fresh", Phase1Epochs = Steps, WeightDecay = 0.05, Lr = 0.3, CurveInterval = 0 };
        var ours = Toy.Coefficients(PopulationTrainer.Train([config], 1)[0]);
        var expected = TorchReference.Train(config, Steps, p => torch.optim.SGD(p, config.Lr, weight_decay: config.WeightDecay));
        for (int k = 0; k < expected.Length; k++) ours[k].Should().BeApproximately(expected[k], 2e-5f, $"coefficient {k}");
    }

    [Fact]
    public void The_gpu_kernels_train_the_new_protocols_as_the_cpu_engine_does()
    {
        RunConfig[] runs =
        [
            TrainingProtocols.RigorousExperiment(1, 16) with { Phase1Epochs = 3, WeightDecay = 0.01, CurveInterval = 20 },
            TrainingProtocols.RigorousExperiment(2, 16) with { Phase1Epochs = 3, Lr = 0.05, CurveInterval = 20 },
        ];
        var cpu = PopulationTrainer.Train(runs, threads: 1);
        var gpu = PopulationTrainer.Train(runs, engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu));
        for (int i = 0; i < runs.Length; i++) Toy.Coefficients(gpu[i]).Should().Equal(Toy.Coefficients(cpu[i]), $"sgd run {i}");

        RunConfig[] restarts =
        [
            TrainingProtocols.Validate2(1, 32) with { Phase1Epochs = 120, ScheduleT0 = 40, CurveInterval = 40 },
            TrainingProtocols.Validate2(2, 32, lr: 0.01) with { Phase1Epochs = 120, ScheduleT0 = 40, CurveInterval = 40 },
        ];
        cpu = PopulationTrainer.Train(restarts, threads: 1);
        gpu = PopulationTrainer.Train(restarts, engine: new EngineChoice(EngineKind.Gpu, DevicePreference.Cpu));
        if (Vector<float>.Count == 8)
            for (int i = 0; i < restarts.Length; i++) Toy.Coefficients(gpu[i]).Should().Equal(Toy.Coefficients(cpu[i]), $"validate2 run {i}");
    }

    [Fact]
    public void Every_protocol_has_a_source_map_citing_its_script_and_unknown_ones_have_none()
    {
        foreach (var name in TrainingProtocols.Names)
        {
            var source = TrainingProtocols.Source(name);
            source.Map.Should().NotBeEmpty();
            source.Map.Values.Should().OnlyContain(v => v.Contains(':') || v.StartsWith("choice") || v.StartsWith("the paper"));
            TrainingProtocols.ByName(name, 1, 32).Protocol.Should().Be(name);
        }
        TrainingProtocols.Source("train-strassen").Script.Should().Be("src/training/train_strassen.py");
        TrainingProtocols.Source("train-strassen").Map["fallback"].Should().Contain("318-323");
        ProtocolSources.Find("custom").Should().BeNull();
    }
}
