using ILGPU;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// The population's device memory as one kernel argument. Parameters and Adam moments are laid out index-major,
/// [12 R][P] (index k = row R + slot, rows U[:, x], V[:, y], W[z, :] as in the cpu engine), so the threads of a warp
/// read neighbouring addresses.
/// </summary>
internal struct PopulationViews
{
    public ArrayView<float> P;
    public ArrayView<float> M;
    public ArrayView<float> V;
    /// <summary>The generic kernel's gradient accumulators, [12 R][P]; empty for the R = 8 kernel.</summary>
    public ArrayView<float> G;
    public ArrayView<long> Seed;
    public ArrayView<double> BaseLr;
    public ArrayView<double> WeightDecay;
    public ArrayView<int> DecaySlot;
    public ArrayView<ulong> ZeroGradients;
    public ArrayView<ulong> ZeroAfter;
    public ArrayView<double> Loss;
    /// <summary>Fixed data: every run's training set, [P][N][12]; its order this epoch, [P][N].</summary>
    public ArrayView<float> TrainSet;
    public ArrayView<int> Order;
    public ArrayView<int> K24;
    public ArrayView<double> W24;
    public ArrayView<double> F;

    public readonly ZigguratTables Tables => new(K24, W24, F);
}
