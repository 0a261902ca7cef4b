using System.Buffers.Binary;
using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats.Mutation.Readers;

/// <summary>The .npy reader's framing (magic, versions, header), its dtypes in both byte orders, and its size limits.</summary>
[Trait("Category", "Fast")]
public class NpyReaderTests
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>An .npy file of the given format version whose header text is exactly `header`.</summary>
    private static byte[] File(string header, byte[] data, int major = 1, Encoding? encoding = null)
    {
        var text = (encoding ?? Encoding.Latin1).GetBytes(header);
        var bytes = new List<byte>(Magic) { (byte)major, 0 };
        if (major == 1) bytes.AddRange([(byte)(text.Length & 0xFF), (byte)(text.Length >> 8)]);
        else bytes.AddRange(BitConverter.GetBytes((uint)text.Length));
        bytes.AddRange(text);
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static string Header(string descr, string shape, bool fortran = false) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}\n";

    private static byte[] Npy(string descr, string shape, byte[] data) => File(Header(descr, shape), data);

    [Fact]
    public void A_file_of_ten_or_more_bytes_with_the_wrong_magic_is_refused()
    {
        var bytes = Npy("<f8", "(1,)", new byte[8]);
        bytes[1] = (byte)'X';
        var act = () => NpyReader.Read(bytes, "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*bad magic*");
    }

    [Fact]
    public void A_file_shorter_than_the_fixed_preamble_is_refused_even_with_the_right_magic()
    {
        var act = () => NpyReader.Read([.. Magic, 1, 0], "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*bad magic*");
    }

    [Fact]
    public void A_version_2_file_of_exactly_twelve_bytes_has_a_complete_but_empty_header()
    {
        var act = () => NpyReader.Read(File("", [], major: 2), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed .npy header*");
    }

    [Fact]
    public void A_version_2_file_cut_inside_its_header_length_is_truncated()
    {
        var act = () => NpyReader.Read([.. Magic, 2, 0, 0, 0, 0], "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated .npy header*");
    }

    [Fact]
    public void A_version_2_header_of_exactly_one_mebibyte_is_accepted()
    {
        var header = Header("<f8", "(1,)");
        header = header[..^1].PadRight((1 << 20) - 1) + "\n";
        var array = NpyReader.Read(File(header, BitConverter.GetBytes(2.5), major: 2), "t.npy");
        array.Data.Should().Equal(2.5);
    }

    [Fact]
    public void A_version_2_header_longer_than_one_mebibyte_is_refused()
    {
        var bytes = new List<byte>(Magic) { 2, 0 };
        bytes.AddRange(BitConverter.GetBytes((uint)(1 << 20) + 1));
        bytes.AddRange(new byte[16]);
        var act = () => NpyReader.Read(bytes.ToArray(), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*too large*");
    }

    [Fact]
    public void A_header_that_declares_more_bytes_than_the_file_holds_is_truncated()
    {
        var bytes = new List<byte>(Magic) { 1, 0, 200, 0 };
        bytes.AddRange(Encoding.Latin1.GetBytes("{'descr': '<f8', "));
        var act = () => NpyReader.Read(bytes.ToArray(), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated .npy header*");
    }

    [Fact]
    public void A_version_3_header_is_decoded_as_UTF8()
    {
        // A no-break space (UTF-8 C2 A0) is whitespace in a UTF-8 header; read as Latin-1 it would be "Â" and spoil the shape.
        var header = "{'descr': '<i4', 'fortran_order': False, 'shape': (\u00A02,), }\n";
        var array = NpyReader.Read(File(header, [1, 0, 0, 0, 7, 0, 0, 0], major: 3, Encoding.UTF8), "t.npy");
        array.Shape.Should().Equal(2);
        array.Data.Should().Equal(1, 7);
    }

    [Fact]
    public void A_header_without_fortran_order_is_malformed()
    {
        var act = () => NpyReader.Read(File("{'descr': '<f8', 'shape': (1,), }\n", new byte[8]), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed .npy header*");
    }

    [Fact]
    public void A_header_without_a_descr_is_malformed()
    {
        var act = () => NpyReader.Read(File("{'fortran_order': False, 'shape': (1,), }\n", new byte[8]), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed .npy header*");
    }

    [Theory]
    [InlineData("(2, x)")]
    [InlineData("(-1,)")]
    public void A_shape_that_is_not_a_list_of_non_negative_integers_is_malformed(string shape)
    {
        var act = () => NpyReader.Read(Npy("<f8", shape, []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed .npy shape*");
    }

    [Fact]
    public void An_object_array_with_more_than_the_element_limit_is_refused_before_its_pickle_is_read()
    {
        var act = () => NpyReader.Read(Npy("|O", $"({NpyDecoder.MaxElements + 1},)", []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*more than*elements refused*");
        var huge = () => NpyReader.Read(Npy("|O", "(100000, 100000, 3)", []), "t.npy");
        huge.Should().Throw<SchemeFormatException>().WithMessage("*more than*elements refused*");
    }

    [Fact]
    public void An_object_array_of_exactly_the_element_limit_gets_as_far_as_its_pickle()
    {
        var act = () => NpyReader.Read(Npy("|O", $"({NpyDecoder.MaxElements},)", []), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*pickle*");
    }

    [Fact]
    public void Decoding_exactly_the_element_limit_is_allowed_as_far_as_the_data_goes()
    {
        var act = () => NpyDecoder.Decode([], "|u1", false, [(int)NpyDecoder.MaxElements], "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated .npy data*");
    }

    [Fact]
    public void Decoding_more_than_the_element_limit_is_refused_before_the_data_is_looked_at()
    {
        var act = () => NpyDecoder.Decode([], "|u1", false, [(int)NpyDecoder.MaxElements + 1], "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*more than*elements refused*");
        var product = () => NpyDecoder.Decode([], "|u1", false, [1 << 12, 1 << 12, 2], "t");
        product.Should().Throw<SchemeFormatException>().WithMessage("*more than*elements refused*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    public void A_dtype_without_an_order_and_a_kind_is_unsupported(string dtype)
    {
        var act = () => NpyDecoder.Decode(new byte[8], dtype, false, [1], "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*unsupported dtype*");
    }

    [Fact]
    public void Decoding_an_object_dtype_as_numbers_is_refused_as_an_object_array()
    {
        var act = () => NpyDecoder.Decode(new byte[8], "|O", false, [1], "t");
        act.Should().Throw<SchemeFormatException>().WithMessage("*object array where a numeric array was expected*");
    }

    [Fact]
    public void Native_byte_order_reads_as_the_machine_order()
    {
        var bytes = new byte[4];
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteInt32LittleEndian(bytes, 258);
        else BinaryPrimitives.WriteInt32BigEndian(bytes, 258);
        NpyDecoder.Decode(bytes, "=i4", false, [1], "t").Data.Should().Equal(258);
    }

    [Fact]
    public void Native_byte_order_on_a_little_endian_machine_reads_little_endian_bytes()
    {
        if (!BitConverter.IsLittleEndian) return; // the bytes below are this machine's order only on little-endian hosts
        NpyDecoder.Decode(new byte[] { 0x02, 0x01, 0, 0 }, "=i4", false, [1], "t").Data.Should().Equal(258);
        NpyDecoder.Decode(BitConverter.GetBytes(-1.5), "=f8", false, [1], "t").Data.Should().Equal(-1.5);
    }

    [Fact]
    public void Not_applicable_byte_order_reads_little_endian()
    {
        NpyDecoder.Decode(new byte[] { 0x02, 0x01 }, "|i2", false, [1], "t").Data.Should().Equal(258);
    }

    [Theory]
    [InlineData("xi4")]
    [InlineData("!f8")]
    public void An_unknown_byte_order_is_refused(string dtype)
    {
        var act = () => NpyDecoder.Decode(new byte[8], dtype, false, [1], "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage($"t.npy: unsupported byte order '{dtype[0]}' in dtype '{dtype}'");
    }

    public static TheoryData<string, byte[], double> Elements() => new()
    {
        { "|b1", [1, 0], 1 },
        { "|u1", [200, 0], 200 },
        { "|i1", [200, 0], -56 },
        { "<i2", [0xFE, 0xFF], -2 },
        { ">i2", [0xFF, 0xFE], -2 },
        { "<u2", [0xFE, 0xFF], 65534 },
        { ">u2", [0x01, 0x02], 258 },
        { "<i4", [0x02, 0x01, 0x00, 0x80], -2147483390 },
        { ">i4", [0x00, 0x00, 0x01, 0x02], 258 },
        { "<u4", [0x02, 0x01, 0x00, 0x80], 2147483906 },
        { ">u4", [0x80, 0x00, 0x01, 0x02], 2147483906 },
        { "<i8", [0x02, 0x01, 0, 0, 0, 0, 0, 0], 258 },
        { ">i8", [0, 0, 0, 0, 0, 0, 0x01, 0x02], 258 },
        { "<u8", [0x02, 0x01, 0, 0, 0, 0, 0, 0], 258 },
        { ">u8", [0, 0, 0, 0, 0, 0, 0x01, 0x02], 258 },
        { "<f2", [0x00, 0x3E], 1.5 },
        { ">f2", [0x3E, 0x00], 1.5 },
        { "<f4", [0x00, 0x00, 0xC0, 0x3F], 1.5 },
        { ">f4", [0x3F, 0xC0, 0x00, 0x00], 1.5 },
        { "<f8", [0, 0, 0, 0, 0, 0, 0xF8, 0x3F], 1.5 },
        { ">f8", [0x3F, 0xF8, 0, 0, 0, 0, 0, 0], 1.5 },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Every_numeric_dtype_reads_its_value_in_its_byte_order(string descr, byte[] element, double expected)
    {
        var array = NpyReader.Read(Npy(descr, "(1,)", element), "t.npy");
        array.Data.Should().Equal(expected);
        array.Dtype.Should().Be(descr);
    }

    [Theory]
    [MemberData(nameof(Elements))]
    public void Every_numeric_dtype_has_its_own_element_size(string descr, byte[] element, double expected)
    {
        int size = descr[2] - '0';
        var data = element.Take(size).Concat(element.Take(size)).ToArray();
        NpyReader.Read(Npy(descr, "(2,)", data), "t.npy").Data.Should().Equal(expected, expected);
        // One byte short of two elements is truncated data.
        var act = () => NpyReader.Read(Npy(descr, "(2,)", data[..^1]), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*truncated .npy data*");
    }

    [Fact]
    public void A_64_bit_integer_just_below_minus_two_to_the_53_is_refused()
    {
        var act = () => NpyReader.Read(Npy("<i8", "(1,)", BitConverter.GetBytes(-(1L << 53) - 1)), "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*too large to check exactly*");
    }

    [Fact]
    public void An_unsigned_64_bit_integer_of_exactly_two_to_the_53_reads_exactly()
    {
        NpyReader.Read(Npy("<u8", "(1,)", BitConverter.GetBytes(1UL << 53)), "t.npy").Data.Should().Equal(9007199254740992.0);
    }

    [Fact]
    public void An_object_array_reads_with_the_object_dtype_and_names_its_items()
    {
        var array = NpzReader.ReadEntry(System.IO.File.ReadAllBytes(Fixtures.Checkpoint("alphatensor_rect_223.npz")), "2,2,3", "t.npz");
        array.IsObjectArray.Should().BeTrue();
        array.Dtype.Should().Be("|O");
        array.Items.Should().HaveCount(3);
    }

    [Fact]
    public void A_bad_item_of_an_object_array_is_named_by_its_index()
    {
        using var zip = new System.IO.Compression.ZipArchive(System.IO.File.OpenRead(Fixtures.Checkpoint("alphatensor_rect_223.npz")));
        using var entry = new MemoryStream();
        using (var s = zip.Entries[0].Open()) s.CopyTo(entry);
        var bytes = entry.ToArray();
        // The first item's int64 data follows its BINBYTES opcode ('B', length 0x160); make its first coefficient 2^62.
        int data = bytes.AsSpan().IndexOf("B`\u0001\0\0"u8) + 5;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(data), 1L << 62);
        var act = () => NpyReader.Read(bytes, "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("t.npy[0]: integer coefficient 4611686018427387904 is too large*");
    }

    [Fact]
    public void A_file_of_exactly_the_ten_byte_preamble_has_the_right_magic_and_an_empty_header()
    {
        var act = () => NpyReader.Read([.. Magic, 1, 0, 0, 0], "t.npy");
        act.Should().Throw<SchemeFormatException>().WithMessage("*malformed .npy header*");
    }

    [Fact]
    public void A_version_1_header_is_decoded_as_Latin1()
    {
        // Byte A0 is a no-break space in Latin-1 (whitespace, trimmed); as UTF-8 it would be invalid and spoil the shape.
        var header = "{'descr': '<i4', 'fortran_order': False, 'shape': (\u00A02,), }\n";
        var array = NpyReader.Read(File(header, [1, 0, 0, 0, 7, 0, 0, 0], major: 1, Encoding.Latin1), "t.npy");
        array.Data.Should().Equal(1, 7);
    }

    [Theory]
    [InlineData("(0,)")]
    [InlineData("(2, 0)")]
    public void An_array_with_a_zero_dimension_is_empty(string shape)
    {
        var array = NpyReader.Read(Npy("<f8", shape, []), "t.npy");
        array.Data.Should().BeEmpty();
        array.Shape.Should().Contain(0);
    }
}
