using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model;
using TorchSharp;

namespace StrassenRepro.Tests.Model;

/// <summary>
/// Phase 1 of one run done by PyTorch's own optimizers through TorchSharp: the same init and batches as ours, autograd
/// for the gradients. Tests compare our engines with it.
/// </summary>
internal static class TorchReference
{
    /// <param name="optimizer">Builds the torch optimizer over U, V, W.</param>
    /// <param name="lrAt">The learning rate to set before each step (TorchSharp has no warm restarts); null keeps it.</param>
    public static float[] Train(RunConfig config, int steps, Func<TorchSharp.Modules.Parameter[], torch.optim.Optimizer> optimizer,
        Func<int, double>? lrAt = null)
    {
        int r = config.Slots;
        var initial = new float[3 * r * 4];
        PopulationTrainer.Initialize(config, initial, 0);
        var w0 = Weights.FromSnapshot(initial, 0, r);
        var u = new TorchSharp.Modules.Parameter(torch.tensor(w0.U.Select(x => (float)x).ToArray(), new long[] { r, 4 }));
        var v = new TorchSharp.Modules.Parameter(torch.tensor(w0.V.Select(x => (float)x).ToArray(), new long[] { r, 4 }));
        var w = new TorchSharp.Modules.Parameter(torch.tensor(w0.W.Select(x => (float)x).ToArray(), new long[] { 4, r }));
        var parameters = new[] { u, v, w };
        var opt = optimizer(parameters);
        var data = new RunData(config);
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var batch = new float[config.BatchSize * Pairs.Width];
            data.FillBatch(batch, new BatchKey(StreamKey.TrainBatch, step, step, 0));
            var x = torch.tensor(batch, new long[] { config.BatchSize, Pairs.Width });
            if (lrAt is not null)
                foreach (var group in opt.ParamGroups) group.LearningRate = lrAt(step);
            opt.zero_grad();
            var c = (x.narrow(1, 0, 4).matmul(u.t()) * x.narrow(1, 4, 4).matmul(v.t())).matmul(w.t());
            (c - x.narrow(1, 8, 4)).pow(2).mean().backward();
            if (config.ClipNorm is double clip) torch.nn.utils.clip_grad_norm_(parameters, clip);
            opt.step();
        }
        return [.. u.data<float>().ToArray(), .. v.data<float>().ToArray(), .. w.data<float>().ToArray()];
    }
}
