using StrassenRepro.Crystallization;
using TorchSharp;
using static TorchSharp.torch;

namespace StrassenRepro.Model;

/// <summary>
/// The two-phase protocol for a population of runs that share a shape (slots, batch sizes, step counts, data mode,
/// schedule kind, clipping). Seeds, learning rates, weight decays and inits may differ per run.
/// Phase 1: AdamW + clipping + schedule. Phase 2 (as the public code's sparsify()): a fresh Adam; for each slot to
/// prune (least important first), DecaySteps steps that first scale the slot by 1 - depth t / DecaySteps and then
/// train the others with the slot's gradients zeroed; set the slot to 0; then RefineSteps steps with the pruned
/// slots' gradients zeroed and the slots reset to 0 after every step. A run with at most TargetSlots active slots
/// skips Phase 2, as the public code does.
/// </summary>
public static class PopulationTrainer
{
    public static IReadOnlyList<RunResult> Train(IReadOnlyList<RunConfig> runs, int threads = 0)
    {
        if (runs.Count == 0) return [];
        foreach (var r in runs) r.Validated();
        CheckSameShape(runs);
        if (threads > 0) torch.set_num_threads(threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        return new Session(runs, parallel).Run();
    }

    /// <summary>Fields a run may vary within one population; everything else must be equal.</summary>
    private static RunConfig ShapeOf(RunConfig r) => r with
    {
        Preset = "", Seed = 0, Lr = 0, WeightDecay = 0, Init = InitKind.Symmetric, InitStd = 1,
        Phase2Lr = 0, Phase2WeightDecay = 0, KappaSteps = [],
    };

    private static void CheckSameShape(IReadOnlyList<RunConfig> runs)
    {
        string shape = ShapeOf(runs[0]).ToJson();
        for (int i = 1; i < runs.Count; i++)
            if (ShapeOf(runs[i]).ToJson() != shape)
                throw new ArgumentException($"run {i} differs from run 0 in a field every run of a population must share: {ShapeOf(runs[i]).ToJson()} vs {shape}");
    }

    /// <summary>Initial parameters of one run in the population layout [3, R, 4] (U, V, Wt).</summary>
    public static void Initialize(RunConfig c, Span<float> dest)
    {
        int block = c.Slots * 4;
        var rng = new NormalStream(StreamKey.Of(c.Seed, StreamKey.Init, 0));
        for (int i = 0; i < block; i++) dest[i] = (float)(rng.NextNormal() * c.InitStd);
        if (c.Init == InitKind.Symmetric) dest.Slice(0, block).CopyTo(dest.Slice(block, block));
        else for (int i = 0; i < block; i++) dest[block + i] = (float)(rng.NextNormal() * c.InitStd);
        // W is drawn as 4 x R (its own layout) and stored transposed.
        for (int z = 0; z < 4; z++)
            for (int r = 0; r < c.Slots; r++)
                dest[2 * block + r * 4 + z] = (float)(rng.NextNormal() * c.InitStd);
    }

    private sealed class Session
    {
        private readonly IReadOnlyList<RunConfig> _runs;
        private readonly RunConfig _shape;
        private readonly ParallelOptions _parallel;
        private readonly RunData[] _data;
        private readonly List<CurvePoint>[] _curves;
        private readonly List<Kappa>[] _kappas;
        private readonly HashSet<long>[] _kappaSteps;
        private readonly int _p;
        private readonly int _r;
        private readonly long _totalSteps;
        private long _step;

        public Session(IReadOnlyList<RunConfig> runs, ParallelOptions parallel)
        {
            _runs = runs;
            _shape = runs[0];
            _parallel = parallel;
            _p = runs.Count;
            _r = _shape.Slots;
            _data = new RunData[_p];
            Parallel.For(0, _p, parallel, i => _data[i] = new RunData(runs[i]));
            _curves = Enumerable.Range(0, _p).Select(_ => new List<CurvePoint>()).ToArray();
            _kappas = Enumerable.Range(0, _p).Select(_ => new List<Kappa>()).ToArray();
            _kappaSteps = runs.Select(r => r.KappaSteps.Select(s => (long)s).ToHashSet()).ToArray();
            _totalSteps = _shape.Phase1Steps + _shape.Phase2Steps;
        }

        public IReadOnlyList<RunResult> Run()
        {
            var initial = new float[_p * 3 * _r * 4];
            for (int i = 0; i < _p; i++) Initialize(_runs[i], initial.AsSpan(i * 3 * _r * 4, 3 * _r * 4));
            using var population = new Population(initial, _p, _r);

            PhaseOne(population);
            var (pruned, skipped) = PhaseTwo(population);

            var final = population.Snapshot();
            return Enumerable.Range(0, _p).Select(i => new RunResult
            {
                Config = _runs[i],
                ConfigHash = _runs[i].Hash(),
                Scheme = Weights.FromSnapshot(final, i, _r).ToScheme(),
                PrunedSlots = pruned[i],
                PruneSkipped = skipped[i],
                Steps = _step,
                Curves = _curves[i],
                Kappas = _kappas[i],
            }).ToArray();
        }

        private void PhaseOne(Population population)
        {
            int batch = _shape.BatchSize;
            int fixedSize = _shape.DataMode.FixedSize ?? 0;
            var lr = new double[_p];
            var wd = _runs.Select(r => r.WeightDecay).ToArray();
            for (long epoch = 0; epoch < _shape.Phase1Epochs; epoch++)
            {
                for (int i = 0; i < _p; i++)
                    lr[i] = LrSchedule.At(_shape.Schedule, _runs[i].Lr, _shape.ScheduleEtaMin, _shape.ScheduleT0, epoch);
                for (int s = 0; s < _shape.StepsPerEpoch; s++)
                {
                    int rows = fixedSize > 0 ? Math.Min(batch, fixedSize - s * batch) : batch;
                    long step = _step;
                    using var scope = torch.NewDisposeScope();
                    var x = Batch(rows, (d, buffer) => d.FillBatch(buffer, StreamKey.TrainBatch, step, epoch, s * batch));
                    var (g, residual) = population.Gradients(x);
                    if (_shape.ClipNorm is double clip) population.ClipPerRun(g, clip);
                    population.AdamStep(g, lr, wd, _shape.Beta1, _shape.Beta2, _shape.Eps);
                    AfterStep(population, residual, 1, rows);
                }
            }
        }

        private (IReadOnlyList<int>[] Pruned, bool[] Skipped) PhaseTwo(Population population)
        {
            var pruned = Enumerable.Range(0, _p).Select(_ => (IReadOnlyList<int>)Array.Empty<int>()).ToArray();
            int toPrune = _shape.SlotsToPrune;
            var skipped = new bool[_p];
            if (toPrune == 0) return (pruned, skipped);

            var start = population.Snapshot();
            var order = new int[_p][];
            for (int i = 0; i < _p; i++)
            {
                var importance = SlotImportance.Of(Weights.FromSnapshot(start, i, _r).ToScheme());
                skipped[i] = importance.Count(x => x > _shape.ActiveThreshold) <= _shape.TargetSlots;
                // Least important first; ties by index (torch.sort is not stable, but exact ties do not occur in float training).
                order[i] = Enumerable.Range(0, _r).OrderBy(r => importance[r]).ThenBy(r => r).Take(toPrune).ToArray();
                if (!skipped[i]) pruned[i] = order[i];
            }
            if (skipped.All(s => s)) return (pruned, skipped);

            population.ResetOptimizer();
            var lr = Enumerable.Range(0, _p).Select(i => skipped[i] ? 0.0 : _runs[i].Phase2Lr).ToArray();
            var wd = Enumerable.Range(0, _p).Select(i => skipped[i] ? 0.0 : _runs[i].Phase2WeightDecay).ToArray();
            var zeroGrad = new bool[_p * _r];   // gradients zeroed: skipped runs entirely, others the pruned / pruning slots
            var zeroed = new bool[_p * _r];     // slots held at 0
            for (int i = 0; i < _p; i++)
                if (skipped[i]) Array.Fill(zeroGrad, true, i * _r, _r);
            long phaseStep = 0;

            for (int k = 0; k < toPrune; k++)
            {
                for (int i = 0; i < _p; i++)
                    if (!skipped[i]) zeroGrad[i * _r + order[i][k]] = true;
                var factors = new float[_p * _r];
                for (int t = 0; t < _shape.DecaySteps; t++)
                {
                    float decay = (float)(1.0 - ((double)t / _shape.DecaySteps) * _shape.DecayDepth);
                    Array.Fill(factors, 1f);
                    for (int i = 0; i < _p; i++)
                        if (!skipped[i]) factors[i * _r + order[i][k]] = decay;
                    population.ScaleSlots(factors);
                    PhaseTwoStep(population, lr, wd, zeroGrad, null, phaseStep++);
                }
                for (int i = 0; i < _p; i++)
                    if (!skipped[i]) zeroed[i * _r + order[i][k]] = true;
                using var mask = torch.tensor(zeroed, new long[] { _p, _r });
                population.ZeroSlots(mask);
            }
            for (int t = 0; t < _shape.RefineSteps; t++)
                PhaseTwoStep(population, lr, wd, zeroGrad, zeroed, phaseStep++);

            population.Restore(start, skipped);
            return (pruned, skipped);
        }

        private void PhaseTwoStep(Population population, double[] lr, double[] wd, bool[] zeroGrad, bool[]? zeroAfter, long phaseStep)
        {
            int batch = _shape.Phase2BatchSize;
            int fixedSize = _shape.DataMode.FixedSize ?? 0;
            int stepsPerEpoch = _shape.DataMode.StepsPerEpoch(batch);
            long epoch = phaseStep / stepsPerEpoch;
            int offset = (int)(phaseStep % stepsPerEpoch) * batch;
            int rows = fixedSize > 0 ? Math.Min(batch, fixedSize - offset) : batch;
            using var scope = torch.NewDisposeScope();
            var x = Batch(rows, (d, buffer) => d.FillBatch(buffer, StreamKey.PruneBatch, phaseStep, epoch, offset));
            var (g, residual) = population.Gradients(x);
            g.masked_fill_(torch.tensor(zeroGrad, new long[] { _p, 1, _r, 1 }), 0f);
            if (_shape.Phase2ClipNorm is double clip) population.ClipPerRun(g, clip);
            population.AdamStep(g, lr, wd, _shape.Beta1, _shape.Beta2, _shape.Eps);
            if (zeroAfter is not null) population.ZeroSlots(torch.tensor(zeroAfter, new long[] { _p, _r }));
            AfterStep(population, residual, 2, rows);
        }

        /// <summary>Fills [P, rows, 12] from every run's own data stream (in parallel; each run writes its own slice).</summary>
        private Tensor Batch(int rows, Action<RunData, Span<float>> fill)
        {
            var buffer = new float[_p * rows * Pairs.Width];
            int width = rows * Pairs.Width;
            Parallel.For(0, _p, _parallel, i => fill(_data[i], buffer.AsSpan(i * width, width)));
            return torch.tensor(buffer, new long[] { _p, rows, Pairs.Width });
        }

        private void AfterStep(Population population, Tensor residual, int phase, int rows)
        {
            _step++;
            bool curve = (_shape.CurveInterval > 0 && _step % _shape.CurveInterval == 0) || _step == _totalSteps;
            bool anyKappa = _kappaSteps.Any(s => s.Contains(_step));
            if (!curve && !anyKappa) return;

            var snapshot = population.Snapshot();
            var res = curve ? residual.data<float>().ToArray() : [];
            int kept = _shape.Prune ? _shape.TargetSlots : _shape.Slots;
            long step = _step;
            Parallel.For(0, _p, _parallel, i =>
            {
                var weights = Weights.FromSnapshot(snapshot, i, _r);
                if (curve)
                {
                    double train = 0;
                    for (int k = i * rows * 4; k < (i + 1) * rows * 4; k++) train += (double)res[k] * res[k];
                    var scheme = weights.ToScheme();
                    var importance = SlotImportance.Of(scheme);
                    _curves[i].Add(new CurvePoint(step, phase, train / (rows * 4.0), weights.Loss(_data[i].TestSet),
                        Discretizer.Delta(Sparsifier.KeepTop(scheme, kept)), importance.Count(x => x > _shape.ActiveThreshold)));
                }
                if (_kappaSteps[i].Contains(step))
                {
                    int samples = _runs[i].KappaSamples > 0 ? _runs[i].KappaSamples : phase == 1 ? _shape.BatchSize : _shape.Phase2BatchSize;
                    _kappas[i].Add(Kappa.Measure(weights, _data[i].KappaProbe(samples, step), _runs[i].KappaRelativeCutoff, step));
                }
            });
        }
    }
}
