using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class TorchElementTypeTests
{
    // Element 1 of each storage is the value below, written little-endian after one element of padding.
    public static TheoryData<TorchElementType, byte[], double, int, bool> Elements => new()
    {
        { TorchElementType.Float32, BitConverter.GetBytes(-2.5f), -2.5, 4, true },
        { TorchElementType.Float64, BitConverter.GetBytes(0.1), 0.1, 8, true },
        { TorchElementType.Float16, BitConverter.GetBytes((Half)1.5), 1.5, 2, true },
        { TorchElementType.BFloat16, [0x20, 0xc0], -2.5, 2, true },
        { TorchElementType.Int64, BitConverter.GetBytes(-3L), -3, 8, false },
        { TorchElementType.Int32, BitConverter.GetBytes(-70000), -70000, 4, false },
        { TorchElementType.Int16, BitConverter.GetBytes((short)-300), -300, 2, false },
        { TorchElementType.Int8, [0xff], -1, 1, false },
        { TorchElementType.UInt8, [0xff], 255, 1, false },
        { TorchElementType.Bool, [0x02], 1, 1, false },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Each_element_type_reads_its_value_in_either_byte_order(TorchElementType type, byte[] little, double value, int size, bool isFloat)
    {
        type.Size().Should().Be(size);
        type.IsFloat().Should().Be(isFloat);
        var storage = new byte[size].Concat(little).ToArray();
        type.Read(storage, 1, bigEndian: false, "t.pt").Should().Be(value);
        var big = new byte[size].Concat(little.Reverse()).ToArray();
        type.Read(big, 1, bigEndian: true, "t.pt").Should().Be(value);
    }

    [Fact]
    public void A_false_bool_reads_as_zero() => TorchElementType.Bool.Read(new byte[] { 0 }, 0, false, "t.pt").Should().Be(0);

    [Theory]
    [InlineData(9007199254740992L)]
    [InlineData(-9007199254740992L)]
    public void Int64_up_to_two_to_the_53_reads_exactly(long v) =>
        TorchElementType.Int64.Read(BitConverter.GetBytes(v), 0, false, "t.pt").Should().Be(v);

    [Theory]
    [InlineData(9007199254740993L)]
    [InlineData(long.MinValue)]
    public void Int64_past_two_to_the_53_is_refused(long v)
    {
        var act = () => TorchElementType.Int64.Read(BitConverter.GetBytes(v), 0, false, "t.pt");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.pt: integer coefficient * is too large to check exactly");
    }
}
