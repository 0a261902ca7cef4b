using System.Buffers.Binary;
using Google.Protobuf;
using Onnx;
using Dimension = Onnx.TensorShapeProto.Types.Dimension;

namespace StrassenRepro.Export;

/// <summary>
/// The few ONNX messages the export writes, built on OnnxSharp's generated types (onnx.proto3): float32 and
/// int64 initializers as little-endian raw_data, tensor inputs and outputs with fixed or symbolic dimensions,
/// INTS attributes. The readers also accept tensors that carry their values in the typed fields (float_data,
/// int64_data) instead of raw_data, as other writers may.
/// </summary>
public static class OnnxMessages
{
    public const int Float = (int)TensorProto.Types.DataType.Float;
    public const int Int64 = (int)TensorProto.Types.DataType.Int64;

    /// <summary>A float32 tensor: each value rounded to the nearest float.</summary>
    public static TensorProto Floats(string name, long[] dims, ReadOnlySpan<double> values)
    {
        var raw = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), (float)values[i]);
        return new TensorProto { Name = name, DataType = Float, Dims = { dims }, RawData = ByteString.CopyFrom(raw) };
    }

    /// <summary>A one-dimensional int64 tensor (a Reshape target, say).</summary>
    public static TensorProto Int64s(string name, IReadOnlyList<long> values)
    {
        var raw = new byte[values.Count * 8];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        return new TensorProto
        {
            Name = name,
            DataType = Int64,
            Dims = { values.Count },
            RawData = ByteString.CopyFrom(raw),
        };
    }

    public static float[] AsFloats(this TensorProto tensor) =>
        Values(tensor, Float, "a float", tensor.FloatData, 4, BinaryPrimitives.ReadSingleLittleEndian);

    public static long[] AsInt64s(this TensorProto tensor) =>
        Values(tensor, Int64, "an int64", tensor.Int64Data, 8, BinaryPrimitives.ReadInt64LittleEndian);

    /// <summary>The values from raw_data (little-endian, size bytes each) or, when it is empty, the typed field.</summary>
    private static T[] Values<T>(TensorProto tensor, int type, string typeName, IEnumerable<T> typed, int size,
        Func<ReadOnlySpan<byte>, T> read)
    {
        if (tensor.DataType != type) throw new InvalidOperationException($"{tensor.Name} is not {typeName} tensor");
        if (tensor.RawData.IsEmpty) return [.. typed];
        var raw = tensor.RawData.Span;
        var values = new T[raw.Length / size];
        for (int i = 0; i < values.Length; i++) values[i] = read(raw[(i * size)..]);
        return values;
    }

    /// <summary>The name of the symbolic first dimension of every graph input and output.</summary>
    public const string Batch = "batch";

    /// <summary>A float32 graph input or output [batch, dims...].</summary>
    public static ValueInfoProto BatchedFloats(string name, params long[] dims)
    {
        var shape = new TensorShapeProto { Dim = { new Dimension { DimParam = Batch } } };
        shape.Dim.Add(dims.Select(d => new Dimension { DimValue = d }));
        var tensor = new TypeProto.Types.Tensor { ElemType = Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }

    /// <summary>The dimensions of a tensor value; empty for a value of another type or without a shape.</summary>
    public static IReadOnlyList<Dimension> Shape(this ValueInfoProto value) =>
        value.Type?.TensorType?.Shape?.Dim ?? (IReadOnlyList<Dimension>)[];

    public static AttributeProto Ints(string name, params long[] values) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { values } };

    public static AttributeProto? AttributeNamed(this NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);
}
