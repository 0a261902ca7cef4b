using ILGPU;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// Fixed data: each run's permutation of its training set for one (stream, epoch), the Fisher-Yates shuffle of
/// RunData.OrderOf on the same keyed stream, one run per thread.
/// </summary>
internal static class ShuffleKernel
{
    public static void Shuffle(int runs, int size, long key, ArrayView<long> seeds, ArrayView<int> order)
    {
        int run = Grid.GlobalIndex.X;
        if (run >= runs) return;
        long at = (long)run * size;
        for (int i = 0; i < size; i++) order[at + i] = i;
        ulong state = DeviceNormals.Key(seeds[run], StreamKey.Shuffle, key);
        for (int i = size - 1; i > 0; i--)
        {
            int j = (int)(DeviceNormals.Next(ref state) % (ulong)(i + 1));
            (order[at + i], order[at + j]) = (order[at + j], order[at + i]);
        }
    }
}
