using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;
using StrassenRepro.Model.Gpu;
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
    /// <param name="initial">Optional start in SnapshotLayout's order (U, V, Wt; [3, P, R, 4] for &lt;2,2,2&gt;) instead of each run's seeded init (for experiments and tests).</param>
    /// <param name="engine">The engine (and device) to train on; null = the cpu engine.</param>
    /// <param name="clock">When given, receives how long set-up, the optimizer steps and the hand-off took.</param>
    /// <param name="cancel">Checked after every step: a stopped population returns nothing (it throws).</param>
    public static IReadOnlyList<RunResult> Train(IReadOnlyList<RunConfig> runs, int threads = 0, EngineChoice? engine = null,
        float[]? initial = null, TrainingClock? clock = null, CancellationToken cancel = default)
    {
        engine ??= EngineChoice.Cpu;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (runs.Count == 0) return [];
        foreach (var r in runs) r.Validated();
        CheckSameShape(runs);
        if (engine.Kind == EngineKind.Torch) MklReproducibility.Ensure();
        if (threads > 0 && engine.Kind == EngineKind.Torch) torch.set_num_threads(threads);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        if (initial is not null && initial.Length != new SnapshotLayout(runs.Count, runs[0].Slots, runs[0].Shape).Length)
            throw new ArgumentException("initial parameters have the wrong length");
        return new Session(runs, parallel, engine, threads, watch, cancel).Run(initial, clock);
    }

    /// <summary>Fields a run may vary within one population; everything else must be equal.</summary>
    private static RunConfig ShapeOf(RunConfig r) => r with
    {
        Protocol = "",
        Seed = 0,
        DataSeed = null,
        Lr = 0,
        WeightDecay = 0,
        Init = InitKind.Symmetric,
        InitStd = 1,
        InitGain = 0,
        Phase2Lr = 0,
        Phase2WeightDecay = 0,
        ActiveThreshold = 0,
        TestSamples = 1,
        KappaSteps = [],
        KappaSamples = 0,
        KappaRelativeCutoff = 0,
    };

    /// <summary>Runs with equal keys can train in one population.</summary>
    public static string PopulationKey(RunConfig r) => ShapeOf(r).ToJson();

    private static void CheckSameShape(IReadOnlyList<RunConfig> runs)
    {
        string shape = ShapeOf(runs[0]).ToJson();
        int first = Enumerable.Range(1, runs.Count - 1).AsParallel().Where(i => ShapeOf(runs[i]).ToJson() != shape).DefaultIfEmpty(-1).Min();
        if (first > 0)
            throw new ArgumentException($"run {first} differs from run 0 in a field every run of a population must share: {ShapeOf(runs[first]).ToJson()} vs {shape}");
    }

    /// <summary>Initial parameters of run p in the population snapshot layout (SnapshotLayout: U, V, Wt).</summary>
    public static void Initialize(RunConfig c, float[] dest, int p)
    {
        var shape = c.Shape;
        var at = SnapshotLayout.Of(dest.Length, c.Slots, shape);
        int a = shape.ASize, b = shape.BSize, nc = shape.CSize, r = c.Slots;
        var u = dest.AsSpan(at.U(p), r * a);
        var v = dest.AsSpan(at.V(p), r * b);
        var wt = dest.AsSpan(at.Wt(p), r * nc);
        var rng = new NormalStream(StreamKey.Of(c.Seed, StreamKey.Init, 0));
        if (c.Init == InitKind.XavierUniform)
        {
            // xavier_uniform_ on U (R x nm), V (R x mp), W (np x R), drawn in that order, each with its fans.
            Uniform(u, c.InitGain * Math.Sqrt(6.0 / (a + r)), ref rng);
            Uniform(v, c.InitGain * Math.Sqrt(6.0 / (b + r)), ref rng);
            double bound = c.InitGain * Math.Sqrt(6.0 / (nc + r));
            for (int z = 0; z < nc; z++)
                for (int s = 0; s < r; s++)
                    wt[s * nc + z] = (float)(bound * (2 * rng.NextUniform() - 1));
            return;
        }
        for (int i = 0; i < u.Length; i++) u[i] = (float)(rng.NextNormal() * c.InitStd);
        if (c.Init == InitKind.Symmetric) u.CopyTo(v);
        else for (int i = 0; i < v.Length; i++) v[i] = (float)(rng.NextNormal() * c.InitStd);
        // W is drawn as np x R (its own layout) and stored transposed.
        for (int z = 0; z < nc; z++)
            for (int s = 0; s < r; s++)
                wt[s * nc + z] = (float)(rng.NextNormal() * c.InitStd);
    }

    private static void Uniform(Span<float> x, double bound, ref NormalStream rng)
    {
        for (int i = 0; i < x.Length; i++) x[i] = (float)(bound * (2 * rng.NextUniform() - 1));
    }

    private sealed class Session
    {
        private readonly IReadOnlyList<RunConfig> _runs;
        private readonly RunConfig _shape;
        private readonly ParallelOptions _parallel;
        private readonly EngineChoice _engine;
        private readonly int _threads;
        private readonly RunData[] _data;
        private readonly List<CurvePoint>[] _curves;
        private readonly List<Kappa>[] _kappas;
        private readonly HashSet<long>[] _kappaSteps;
        private readonly HashSet<long> _anyKappaStep;   // the union: one lookup a step, not one per run
        private readonly int _p;
        private readonly int _r;
        private readonly long _totalSteps;
        private readonly bool[] _finished;   // runs that skip Phase 2: no more curve points or kappas after Phase 1
        private readonly System.Diagnostics.Stopwatch _watch;
        private readonly CancellationToken _cancel;
        private TimeSpan _measuring;
        private long _step;

        public Session(IReadOnlyList<RunConfig> runs, ParallelOptions parallel, EngineChoice engine, int threads,
            System.Diagnostics.Stopwatch watch, CancellationToken cancel)
        {
            _watch = watch;
            _cancel = cancel;
            _runs = runs;
            _shape = runs[0];
            _parallel = parallel;
            _engine = engine;
            _threads = threads;
            _p = runs.Count;
            _r = _shape.Slots;
            _data = new RunData[_p];
            Parallel.For(0, _p, parallel, i => _data[i] = new RunData(runs[i], engine.VectorisedPairs));
            _curves = Enumerable.Range(0, _p).Select(_ => new List<CurvePoint>()).ToArray();
            _kappas = Enumerable.Range(0, _p).Select(_ => new List<Kappa>()).ToArray();
            _kappaSteps = runs.Select(r => r.KappaSteps.Select(s => (long)s).ToHashSet()).ToArray();
            _anyKappaStep = runs.SelectMany(r => r.KappaSteps).Select(s => (long)s).ToHashSet();
            _totalSteps = _shape.Phase1Steps + _shape.Phase2Steps;
            _finished = new bool[_p];
        }

        public IReadOnlyList<RunResult> Run(float[]? start, TrainingClock? clock)
        {
            var initial = start ?? new float[new SnapshotLayout(_p, _r, _shape.Shape).Length];
            if (start is null)
                Parallel.For(0, _p, _parallel, i => Initialize(_runs[i], initial, i));
            using IPopulationEngine population = _engine.Kind switch
            {
                EngineKind.Torch => new TorchPopulation(initial, _p, _r, _shape.Shape),
                EngineKind.Gpu => new GpuPopulation(_engine.OpenDevice()!, initial, _p, _r, _runs.Select(r => r.DataKey).ToArray(),
                    _shape.DataMode.IsFresh ? null : _data.Select(d => d.TrainingSet!).ToArray(), _shape.Shape),
                _ => new CpuPopulation(initial, _p, _r, _threads, _shape.Shape, _engine.SpecialisedGradient),
            };

            var setUp = _watch.Elapsed;
            PhaseOne(population);
            var (pruned, skipped) = PhaseTwo(population);

            var final = population.Snapshot();
            var trained = _watch.Elapsed;
            var results = Enumerable.Range(0, _p).AsParallel().AsOrdered().WithDegreeOfParallelism(_parallel.MaxDegreeOfParallelism)
                .Select(i => (Weights: Weights.FromSnapshot(final, i, _r, _shape.Shape), i)).Select(x => new RunResult
                {
                    Config = _runs[x.i],
                    ConfigHash = _runs[x.i].Hash(),
                    FinalWeights = x.Weights,
                    Scheme = x.Weights.IsFinite ? x.Weights.ToScheme() : null,
                    PrunedSlots = pruned[x.i],
                    PruneSkipped = skipped[x.i],
                    Steps = skipped[x.i] ? _shape.Phase1Steps : _step,
                    Curves = _curves[x.i],
                    Kappas = _kappas[x.i],
                }).ToArray();
            clock?.Record(setUp, trained - setUp - _measuring, _measuring, _watch.Elapsed - trained);
            return results;
        }

        /// <summary>Curve points every CurveInterval steps, at the end of Phase 1 and at the end of the run.</summary>
        private bool MeasuresAfter(long step) =>
            (_shape.CurveInterval > 0 && step % _shape.CurveInterval == 0) || step == _shape.Phase1Steps || step == _totalSteps;

        private void PhaseOne(IPopulationEngine population)
        {
            var baseLr = _runs.Select(r => r.Lr).ToArray();
            var wd = _runs.Select(r => r.WeightDecay).ToArray();
            for (long epoch = 0; epoch < _shape.Phase1Epochs; epoch++)
            {
                double? term = LrSchedule.Term(_shape.Schedule, _shape.ScheduleT0, epoch, _shape.ScheduleTMult ?? 1);
                for (int s = 0; s < _shape.StepsPerEpoch; s++)
                {
                    var key = new BatchKey(StreamKey.TrainBatch, _step, epoch, s * _shape.BatchSize);
                    var loss = population.Step(Plan(key, _shape.BatchSize, baseLr, wd, _shape.ClipNorm) with
                    {
                        LrTerm = term,
                        EtaMin = _shape.ScheduleEtaMin,
                        Optimizer = _shape.Optimizer,
                    });
                    AfterStep(population, loss, 1);
                }
            }
        }

        /// <summary>What every step's plan holds: the batch (rows, key, fill), rates, Adam's constants, the loss request.</summary>
        private StepPlan Plan(BatchKey key, int batch, double[] baseLr, double[] wd, double? clip)
        {
            int fixedSize = _shape.DataMode.FixedSize ?? 0;
            return new StepPlan
            {
                Rows = fixedSize > 0 ? Math.Min(batch, fixedSize - key.Offset) : batch,
                Batch = key,
                Fill = (i, buffer) => _data[i].FillBatch(buffer, key),
                BaseLr = baseLr,
                WeightDecay = wd,
                Beta1 = _shape.Beta1,
                Beta2 = _shape.Beta2,
                Eps = _shape.Eps,
                ClipNorm = clip,
                WantLoss = MeasuresAfter(_step + 1),
            };
        }

        private (IReadOnlyList<int>[] Pruned, bool[] Skipped) PhaseTwo(IPopulationEngine population)
        {
            var pruned = Enumerable.Range(0, _p).Select(_ => (IReadOnlyList<int>)Array.Empty<int>()).ToArray();
            int toPrune = _shape.SlotsToPrune;
            var skipped = new bool[_p];
            if (toPrune == 0) return (pruned, skipped);

            var start = population.Snapshot();
            var order = new int[_p][];
            for (int i = 0; i < _p; i++)
            {
                var weights = Weights.FromSnapshot(start, i, _r, _shape.Shape);
                var importance = weights.SlotImportance();
                // A diverged run (NaN importance counts as inactive) skips Phase 2 like a run with few active slots.
                skipped[i] = !weights.IsFinite || importance.Count(x => x > _runs[i].ActiveThreshold) <= _shape.TargetSlots;
                // Least important first; ties by index (torch.sort is not stable, but exact ties do not occur in float training).
                order[i] = Enumerable.Range(0, _r).OrderBy(r => importance[r]).ThenBy(r => r).Take(toPrune).ToArray();
                if (!skipped[i]) pruned[i] = order[i];
            }
            // A skipped run sits out Phase 2 frozen inside the population (its update is discarded at the end) and
            // records nothing more, so its result is the one it would have alone.
            Array.Copy(skipped, _finished, _p);
            if (skipped.All(s => s)) return (pruned, skipped);

            population.ResetOptimizer();
            var lr = Enumerable.Range(0, _p).Select(i => skipped[i] ? 0.0 : _runs[i].Phase2Lr).ToArray();
            var wd = Enumerable.Range(0, _p).Select(i => skipped[i] ? 0.0 : _runs[i].Phase2WeightDecay).ToArray();
            ulong all = _r == 64 ? ulong.MaxValue : (1UL << _r) - 1;
            // Per run, slot bits: gradients zeroed (skipped runs entirely, others the pruned / pruning slots) and slots
            // held at 0. Each stage gets new arrays: an engine may keep what it was handed.
            var zeroGrad = Enumerable.Range(0, _p).Select(i => skipped[i] ? all : 0UL).ToArray();
            var zeroed = new ulong[_p];
            long phaseStep = 0;

            for (int k = 0; k < toPrune; k++)
            {
                zeroGrad = (ulong[])zeroGrad.Clone();
                var decaySlot = new int[_p];
                for (int i = 0; i < _p; i++)
                {
                    decaySlot[i] = skipped[i] ? -1 : order[i][k];
                    if (!skipped[i]) zeroGrad[i] |= 1UL << order[i][k];
                }
                for (int t = 0; t < _shape.DecaySteps; t++)
                {
                    // The public code: decay = 1.0 - (step / 2000) * 0.99, multiplied in before the forward pass.
                    float decay = (float)(1.0 - ((double)t / _shape.DecaySteps) * _shape.DecayDepth);
                    PhaseTwoStep(population, lr, wd, decaySlot, decay, zeroGrad, null, phaseStep++);
                }
                zeroed = (ulong[])zeroed.Clone();
                for (int i = 0; i < _p; i++)
                    if (!skipped[i]) zeroed[i] |= 1UL << order[i][k];
                // "then set it to 0": done as a step-less zeroing through a snapshot round trip.
                var snapshot = population.Snapshot();
                for (int i = 0; i < _p; i++)
                    for (int r = 0; r < _r; r++)
                        if (StepPlan.Has(zeroed, i, r)) ZeroSlot(snapshot, i, r);
                population.Restore(snapshot, Enumerable.Repeat(true, _p).ToArray());
            }
            for (int t = 0; t < _shape.RefineSteps; t++)
                PhaseTwoStep(population, lr, wd, null, 1f, zeroGrad, zeroed, phaseStep++);

            population.Restore(start, skipped);
            return (pruned, skipped);
        }

        private void ZeroSlot(float[] snapshot, int run, int slot)
        {
            var shape = _shape.Shape;
            var at = new SnapshotLayout(_p, _r, shape);
            snapshot.AsSpan(at.U(run) + slot * shape.ASize, shape.ASize).Clear();
            snapshot.AsSpan(at.V(run) + slot * shape.BSize, shape.BSize).Clear();
            snapshot.AsSpan(at.Wt(run) + slot * shape.CSize, shape.CSize).Clear();
        }

        private void PhaseTwoStep(IPopulationEngine population, double[] lr, double[] wd, int[]? decaySlot, float decay,
            ulong[] zeroGrad, ulong[]? zeroAfter, long phaseStep)
        {
            int batch = _shape.Phase2BatchSize;
            int stepsPerEpoch = _shape.DataMode.StepsPerEpoch(batch);
            var key = new BatchKey(StreamKey.PruneBatch, phaseStep, phaseStep / stepsPerEpoch, (int)(phaseStep % stepsPerEpoch) * batch);
            var loss = population.Step(Plan(key, batch, lr, wd, _shape.Phase2ClipNorm) with
            {
                DecaySlot = decaySlot,
                Decay = decay,
                ZeroGradients = zeroGrad,
                ZeroAfter = zeroAfter,
            });
            AfterStep(population, loss, 2);
        }

        private void AfterStep(IPopulationEngine population, double[]? loss, int phase)
        {
            _cancel.ThrowIfCancellationRequested();
            _step++;
            bool curve = MeasuresAfter(_step);
            bool anyKappa = _anyKappaStep.Contains(_step);
            if (!curve && !anyKappa) return;

            // Measuring is host work on a copy: the clock keeps it apart from the engine's steps (queued ones first).
            population.Synchronize();
            var started = _watch.Elapsed;
            var snapshot = population.Snapshot();
            int kept = _shape.Prune ? _shape.TargetSlots : _shape.Slots;
            long step = _step;
            Parallel.For(0, _p, _parallel, i =>
            {
                if (_finished[i]) return;
                var weights = Weights.FromSnapshot(snapshot, i, _r, _shape.Shape);
                if (curve)
                {
                    // A diverged run keeps its (non-finite) losses on the curve; delta and active slots say NaN / 0.
                    double delta = weights.IsFinite ? Discretizer.Delta(Sparsifier.KeepTop(weights.ToScheme(), kept)) : double.NaN;
                    int active = weights.SlotImportance().Count(x => x > _runs[i].ActiveThreshold);
                    _curves[i].Add(new CurvePoint(step, phase, loss![i], weights.Loss(_data[i].TestSet), delta, active));
                }
                if (_kappaSteps[i].Contains(step) && weights.IsFinite)
                {
                    int samples = _runs[i].KappaSamples > 0 ? _runs[i].KappaSamples : phase == 1 ? _shape.BatchSize : _shape.Phase2BatchSize;
                    _kappas[i].Add(Kappa.Measure(weights, _data[i].KappaProbe(samples, step), _runs[i].KappaRelativeCutoff, step));
                }
            });
            _measuring += _watch.Elapsed - started;
        }
    }
}
