using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// A tensor as torch._utils._rebuild_tensor_v2 describes it: a strided view of a storage. Its bounds were
/// checked against the storage when it was built, so materialising it cannot read outside the storage.
/// </summary>
public sealed record TorchTensor(StorageRef Storage, long Offset, long[] Size, long[] Stride, bool IsParameter)
{
    public long Numel => Size.Aggregate(1L, (a, b) => a * b);

    public static TorchTensor Create(StorageRef storage, long offset, long[] size, long[] stride, PickleLimits limits, string file)
    {
        if (size.Length != stride.Length)
            throw new SchemeFormatException($"{file}: tensor has {size.Length} sizes but {stride.Length} strides");
        if (size.Length > 8) throw new SchemeFormatException($"{file}: tensor of {size.Length} dimensions refused");
        if (offset < 0) throw new SchemeFormatException($"{file}: negative storage offset {offset}");
        long numel = 1, lastIndex = offset;
        for (int d = 0; d < size.Length; d++)
        {
            if (size[d] < 0 || stride[d] < 0)
                throw new SchemeFormatException($"{file}: tensor size ({string.Join(", ", size)}) / stride ({string.Join(", ", stride)}) has a negative entry");
            // Stryker disable once Conditional : equivalent, see mutation/equivalent-mutants.md
            numel = size[d] == 0 ? 0 : numel <= limits.MaxElements / Math.Max(1, size[d]) ? numel * size[d] : long.MaxValue;
            if (numel > limits.MaxElements)
                throw new SchemeFormatException($"{file}: tensor of shape ({string.Join(", ", size)}) is over the {limits.MaxElements}-element limit");
        }
        if (numel > 0)
        {
            for (int d = 0; d < size.Length; d++)
            {
                // size <= MaxElements and a stride past the storage fails below, so this cannot overflow meaningfully.
                if (stride[d] > storage.Numel && size[d] > 1)
                    throw new SchemeFormatException($"{file}: stride {stride[d]} runs outside storage '{storage.Key}' of {storage.Numel} elements");
                lastIndex += (size[d] - 1) * stride[d];
            }
            if (lastIndex >= storage.Numel)
                throw new SchemeFormatException($"{file}: tensor (offset {offset}, shape ({string.Join(", ", size)}), stride ({string.Join(", ", stride)})) reads past storage '{storage.Key}' of {storage.Numel} elements");
        }
        return new TorchTensor(storage, offset, size, stride, false);
    }

    /// <summary>The elements in C (row-major) order, read from the storage's raw bytes of `file`.</summary>
    public double[] Materialize(ReadOnlySpan<byte> storageBytes, bool bigEndian, string file)
    {
        var data = new double[Numel];
        var index = new long[Size.Length];
        for (long flat = 0; flat < data.Length; flat++)
        {
            long at = Offset;
            for (int d = 0; d < Size.Length; d++) at += index[d] * Stride[d];
            data[flat] = Storage.Type.Read(storageBytes, at, bigEndian, file);
            for (int d = Size.Length - 1; d >= 0; d--)
            {
                if (++index[d] < Size[d]) break;
                index[d] = 0;
            }
        }
        return data;
    }
}
