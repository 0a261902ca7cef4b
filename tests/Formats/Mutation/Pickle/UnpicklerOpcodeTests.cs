using System.Numerics;
using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats.Mutation.Pickle;

/// <summary>The opcodes one by one: what each builds, and the exact refusal a malformed use gets.</summary>
[Trait("Category", "Fast")]
public class UnpicklerOpcodeTests
{
    private static byte[] P(params object[] parts) => StrassenRepro.Tests.Formats.TestBytes.Pickle(parts);

    private static byte[] Str(string s) => [0x8c, (byte)Encoding.UTF8.GetByteCount(s), .. Encoding.UTF8.GetBytes(s)];

    private static object? Load(params object[] parts) => Unpickler.Load(P([0x80, 2, .. parts]), "t.pkl");

    private static Action Loading(params object[] parts) => () => Load(parts);

    [Fact]
    public void POP_MARK_drops_everything_above_the_mark()
    {
        Load('K', 1, '(', 'K', 2, 'K', 3, '1', '.').Should().Be(1L);
    }

    [Fact]
    public void DUP_pushes_the_top_again()
    {
        Load('K', 7, '2', 0x86, '.').Should().BeOfType<PyTuple>().Which.Items.Should().Equal(7L, 7L);
    }

    [Fact]
    public void DUP_on_an_empty_stack_or_just_above_a_mark_is_an_underflow()
    {
        Loading('2', '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: pickle stack underflow");
        Loading('K', 1, '(', '2', '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: pickle stack underflow");
    }

    [Fact]
    public void Popping_below_the_last_mark_is_an_underflow()
    {
        Loading('K', 1, '(', 0x85, '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: pickle stack underflow");
    }

    [Fact]
    public void EMPTY_SET_LIST_DICT_and_FROZENSET_build_their_containers()
    {
        Load(0x8f, '.').Should().BeOfType<PyList>().Which.Should().BeEmpty();
        Load('(', 'K', 1, 'K', 2, 'l', '.').Should().BeOfType<PyList>().Which.Should().Equal(1L, 2L);
        Load('(', 'K', 3, 0x91, '.').Should().BeOfType<PyList>().Which.Should().Equal(3L);
        var dict = Load('(', Str("k"), 'K', 4, 'd', '.').Should().BeOfType<PyDict>().Subject;
        dict.Get("k").Should().Be(4L);
        dict.Items.Should().HaveCount(1);
    }

    [Fact]
    public void ADDITEMS_adds_to_the_set_below_the_mark()
    {
        Load(0x8f, '(', 'K', 1, 'K', 2, 0x90, '.').Should().BeOfType<PyList>().Which.Should().Equal(1L, 2L);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'}', (byte)'(', 0x90 }, "ADDITEMS expects PyList, got a dict")]
    [InlineData(new byte[] { (byte)']', (byte)'(', (byte)'u' }, "SETITEMS expects PyDict, got a list")]
    [InlineData(new byte[] { (byte)']', (byte)'N', (byte)'N', (byte)'s' }, "SETITEM expects PyDict, got a list")]
    [InlineData(new byte[] { (byte)'}', (byte)'N', (byte)'a' }, "APPEND expects PyList, got a dict")]
    [InlineData(new byte[] { (byte)'}', (byte)'(', (byte)'e' }, "APPENDS expects PyList, got a dict")]
    [InlineData(new byte[] { (byte)'K', 1, (byte)')', 0x81 }, "NEWOBJ on Int64, which is not an allow-listed global")]
    [InlineData(new byte[] { (byte)'K', 1, (byte)')', (byte)'R' }, "REDUCE on Int64, which is not an allow-listed global")]
    [InlineData(new byte[] { (byte)'K', 1, (byte)'K', 2, 0x93 }, "STACK_GLOBAL needs two strings")]
    [InlineData(new byte[] { (byte)'o' }, "opcode OBJ (instantiates an arbitrary class) is not allowed")]
    [InlineData(new byte[] { (byte)'i' }, "opcode INST (instantiates an arbitrary class) is not allowed")]
    [InlineData(new byte[] { 0x92 }, "opcode NEWOBJ_EX (instantiates an arbitrary class) is not allowed")]
    [InlineData(new byte[] { 0x82 }, "opcode EXT1 (extension registry) is not allowed")]
    [InlineData(new byte[] { 0x83 }, "opcode EXT2 (extension registry) is not allowed")]
    [InlineData(new byte[] { 0x84 }, "opcode EXT4 (extension registry) is not allowed")]
    public void A_misused_opcode_is_refused_with_its_name(byte[] body, string message)
    {
        Loading(body, '.').Should().Throw<SchemeFormatException>().WithMessage($"t.pkl: {message}");
    }

    [Theory]
    [InlineData(0x81, "NEWOBJ")]
    [InlineData('R', "REDUCE")]
    public void NEWOBJ_and_REDUCE_arguments_must_be_a_tuple(int op, string name)
    {
        Loading('c', "collections\nOrderedDict\n", 'N', op, '.').Should().Throw<SchemeFormatException>()
            .WithMessage($"t.pkl: {name} arguments expects PyTuple, got None");
    }

    [Fact]
    public void NEWOBJ_builds_an_OrderedDict_a_torch_Size_and_an_ndarray()
    {
        Load('c', "collections\nOrderedDict\n", ')', 0x81, '.').Should().BeOfType<PyDict>();
        Load('c', "torch\nSize\n", ')', 0x81, '.').Should().BeOfType<PyTuple>().Which.Count.Should().Be(0);
        Load('c', "numpy\nndarray\n", ')', 0x81, '.').Should().BeOfType<NumpyArrayValue>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    public void LONG4_takes_up_to_64_bytes(int n)
    {
        var bytes = new byte[n];
        if (n > 0) bytes[0] = 5;
        Load(0x8b, BitConverter.GetBytes(n), bytes, '.').Should().Be(n == 0 ? 0L : 5L);
    }

    [Fact]
    public void LONG4_past_64_bytes_or_negative_is_refused()
    {
        Loading(0x8b, BitConverter.GetBytes(65), new byte[65], '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: LONG4 of 65 bytes refused");
        Loading(0x8b, BitConverter.GetBytes(-1), '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: LONG4 of -1 bytes refused");
    }

    [Fact]
    public void LONG4_of_more_than_eight_bytes_is_a_big_integer()
    {
        var bytes = new byte[9];
        bytes[8] = 1;
        Load(0x8b, BitConverter.GetBytes(9), bytes, '.').Should().Be(BigInteger.Pow(2, 64));
    }

    [Fact]
    public void LONG1_is_signed_and_long_spans_the_whole_int64_range()
    {
        Load(0x8a, 1, 0xff, '.').Should().Be(-1L);
        Load(0x8a, 8, BitConverter.GetBytes(long.MinValue), '.').Should().BeOfType<long>().Which.Should().Be(long.MinValue);
        Load(0x8a, 8, BitConverter.GetBytes(long.MaxValue), '.').Should().BeOfType<long>().Which.Should().Be(long.MaxValue);
        Load(0x8a, 9, BitConverter.GetBytes(long.MaxValue), 0, '.').Should().BeOfType<long>().Which.Should().Be(long.MaxValue);
        Load(0x8a, 9, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0x80, 0 }, '.').Should().Be(new BigInteger(long.MaxValue) + 1);
        Load(0x8a, 9, BitConverter.GetBytes(long.MinValue), 0xff, '.').Should().BeOfType<long>().Which.Should().Be(long.MinValue);
    }

    [Fact]
    public void A_unicode_string_that_is_not_valid_UTF8_is_refused()
    {
        Loading(0x8c, 2, new byte[] { 0xc3, 0x28 }, '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: string at offset 4 is not valid UTF-8");
    }

    [Fact]
    public void The_string_and_bytes_opcodes_read_their_lengths()
    {
        Load(0x8d, BitConverter.GetBytes(2L), "\u00c3\u00a9", '.').Should().Be("\u00e9"); // BINUNICODE8, UTF-8
        Load('U', 2, "\u00ffa", '.').Should().Be("\u00ffa"); // SHORT_BINSTRING, latin-1
        Load('T', BitConverter.GetBytes(3), "a\u00e9b", '.').Should().Be("a\u00e9b"); // BINSTRING
        Load(0x8e, BitConverter.GetBytes(3L), "xyz", '.').Should().BeOfType<byte[]>().Which.Should().Equal((byte)'x', (byte)'y', (byte)'z'); // BINBYTES8
        Load('B', BitConverter.GetBytes(1), "q", '.').Should().BeOfType<byte[]>().Which.Should().Equal((byte)'q'); // BINBYTES
    }

    [Fact]
    public void An_8_byte_length_uses_all_eight_bytes()
    {
        Loading(0x8d, BitConverter.GetBytes(0x1_0000_0001L), "a", '.').Should().Throw<SchemeFormatException>()
            .WithMessage("t.pkl: pickle declares 4294967297 bytes at offset 11, but only 2 remain");
    }

    [Fact]
    public void A_declared_length_one_past_the_data_is_refused_with_what_remains()
    {
        Loading('X', BitConverter.GetBytes(5), "abcd").Should().Throw<SchemeFormatException>()
            .WithMessage("t.pkl: pickle declares 5 bytes at offset 7, but only 4 remain");
    }

    [Fact]
    public void A_length_that_takes_exactly_the_rest_of_the_data_is_read_and_then_the_STOP_is_missing()
    {
        Loading('X', BitConverter.GetBytes(2), "ab").Should().Throw<SchemeFormatException>().WithMessage("t.pkl: truncated pickle");
        Loading('C', 2, "xy").Should().Throw<SchemeFormatException>().WithMessage("t.pkl: truncated pickle");
    }

    [Fact]
    public void A_fixed_width_read_past_the_end_says_what_it_needed()
    {
        Loading(0x95, 1, 2, 3).Should().Throw<SchemeFormatException>().WithMessage("t.pkl: truncated pickle (needs 8 bytes at offset 3)");
    }

    [Fact]
    public void LONG_BINPUT_and_LONG_BINGET_use_four_byte_memo_keys()
    {
        Load('K', 7, 'r', BitConverter.GetBytes(0x12345), '0', 'j', BitConverter.GetBytes(0x12345), '.').Should().Be(7L);
        Loading('K', 7, 'r', BitConverter.GetBytes(0x12345), '0', 'j', BitConverter.GetBytes(0x45), '.')
            .Should().Throw<SchemeFormatException>().WithMessage("t.pkl: pickle memo has no entry 69");
    }

    [Fact]
    public void SETITEMS_with_a_dangling_key_sets_the_complete_pairs_only()
    {
        var dict = Load('}', '(', 'K', 1, 'K', 2, 'K', 3, 'u', '.').Should().BeOfType<PyDict>().Subject;
        dict.Items.Should().ContainSingle().Which.Should().Be(new KeyValuePair<object?, object?>(1L, 2L));
    }

    [Fact]
    public void A_GLOBAL_name_without_a_newline_is_refused()
    {
        Loading('c', "torch").Should().Throw<SchemeFormatException>().WithMessage("t.pkl: GLOBAL name is not terminated");
        Loading('c', new string('a', 300), "\n", "b\n", '.').Should().Throw<SchemeFormatException>().WithMessage("t.pkl: GLOBAL name is not terminated");
    }

    [Fact]
    public void A_GLOBAL_name_of_256_bytes_is_read()
    {
        var name = new string('a', 256);
        Loading('c', name, "\n", "b\n", '.').Should().Throw<SchemeFormatException>().WithMessage($"t.pkl: pickle global '{new string('a', 80)}....b' is not allowed*");
    }
}
