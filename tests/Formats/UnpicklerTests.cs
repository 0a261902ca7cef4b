using System.Text;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class UnpicklerTests
{
    private static byte[] P(params object[] parts) => TestBytes.Pickle(parts);

    private static byte[] Str(string s)
    {
        var utf8 = Encoding.UTF8.GetBytes(s);
        return [0x8c, (byte)utf8.Length, .. utf8];
    }

    private static object? Load(byte[] pickle, PickleLimits? limits = null) => Unpickler.Load(pickle, "t.pkl", null, limits);

    [Fact]
    public void Protocol_5_frames_memoize_and_binary_values_round_trip()
    {
        // {'a': (1, -2, 3.5, b'xy', bytearray(b'z'), True, None, 2**70)} as protocol 5 writes it, memo via MEMOIZE.
        var pickle = P(0x80, 5, 0x95, new byte[8], '}', 0x94, Str("a"), 0x94,
            '(', 'K', 1, 'J', new byte[] { 0xfe, 0xff, 0xff, 0xff }, 'G', BitConverter.GetBytes(3.5).Reverse().ToArray(),
            'C', 2, "xy", 0x96, new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }, "z", 0x88, 'N',
            0x8a, 9, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0x40 }, 't', 0x94, 's', '0', 'h', 0, '.');
        var dict = Load(pickle).Should().BeOfType<PyDict>().Subject;
        var t = dict.Get("a").Should().BeOfType<PyTuple>().Subject;
        t[0].Should().Be(1L);
        t[1].Should().Be(-2L);
        t[2].Should().Be(3.5);
        t[3].Should().BeEquivalentTo(new byte[] { (byte)'x', (byte)'y' });
        t[4].Should().BeEquivalentTo(new byte[] { (byte)'z' });
        t[5].Should().Be(true);
        t[6].Should().BeNull();
        t[7].Should().Be(System.Numerics.BigInteger.Pow(2, 70));
    }

    [Fact]
    public void Lists_tuples_and_nested_dicts_are_built_with_appends_and_setitems()
    {
        var pickle = P(0x80, 2, ']', 'q', 0, '(', 'K', 1, 'K', 2, 'e', 'K', 3, 'a', '}', Str("k"), 'h', 0, 's', 'a', '.');
        var list = Load(pickle).Should().BeOfType<PyList>().Subject;
        list.Take(3).Should().Equal(1L, 2L, 3L);
        ((PyDict)list[3]!).Get("k").Should().BeSameAs(list, "the memo returns the same object, a cycle");
    }

    [Theory]
    [InlineData("os", "system")]
    [InlineData("builtins", "eval")]
    [InlineData("builtins", "getattr")]
    [InlineData("torch", "load")]
    [InlineData("torch._utils", "_rebuild_tensor_v2 ")]
    [InlineData("collections ", "OrderedDict")]
    [InlineData("numpy", "load")]
    public void Any_global_off_the_allow_list_is_refused_by_name(string module, string name)
    {
        var act = () => Load(P(0x80, 2, 'c', $"{module}\n{name}\n", '.'));
        act.Should().Throw<SchemeFormatException>().WithMessage($"*'{module}.{name}' is not allowed*");
    }

    [Fact]
    public void Stack_global_is_checked_against_the_same_allow_list()
    {
        var act = () => Load(P(0x80, 4, Str("posix"), Str("system"), 0x93, '.'));
        act.Should().Throw<SchemeFormatException>().WithMessage("*'posix.system' is not allowed*");
        Load(P(0x80, 4, Str("collections"), Str("OrderedDict"), 0x93, ')', 'R', '.')).Should().BeOfType<PyDict>();
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 2, (byte)'K', 1, (byte)')', (byte)'R', (byte)'.' }, "REDUCE on")]
    [InlineData(new byte[] { 0x80, 2, (byte)']', (byte)'N', (byte)'b', (byte)'.' }, "BUILD on a list")]
    [InlineData(new byte[] { 0x80, 2, (byte)'N', (byte)'Q', (byte)'.' }, "persistent id")]
    [InlineData(new byte[] { 0x80, 2, 0x82, 1, (byte)'.' }, "EXT1")]
    [InlineData(new byte[] { 0x80, 2, 0x97, (byte)'.' }, "out-of-band")]
    [InlineData(new byte[] { 0x80, 1, (byte)'N', (byte)'.' }, "protocol 1")]
    [InlineData(new byte[] { 0x80, 2, (byte)'N', (byte)'N', (byte)'.' }, "malformed stack")]
    [InlineData(new byte[] { 0x80, 2, (byte)'N' }, "truncated")]
    [InlineData(new byte[] { 0x80, 2, (byte)'X', 0xff, 0xff, 0xff, 0x7f, (byte)'.' }, "declares")]
    [InlineData(new byte[] { 0x80, 2, (byte)'0', (byte)'.' }, "underflow")]
    [InlineData(new byte[] { 0x80, 2, (byte)'I', (byte)'1', (byte)'\n', (byte)'.' }, "unsupported pickle opcode 0x49")]
    public void Malformed_or_forbidden_pickles_are_refused(byte[] pickle, string reason)
    {
        var act = () => Load(pickle);
        act.Should().Throw<SchemeFormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void Newobj_on_a_rebuild_function_is_refused()
    {
        var act = () => Load(P(0x80, 2, 'c', "torch._utils\n_rebuild_tensor_v2\n", ')', 0x81, '.'));
        act.Should().Throw<SchemeFormatException>().WithMessage("*NEWOBJ on torch._utils._rebuild_tensor_v2 is not allowed*");
    }

    [Fact]
    public void Stack_memo_and_mark_limits_hold()
    {
        var small = new PickleLimits { MaxStack = 10, MaxMemo = 2, MaxMarks = 3 };
        var many = P(0x80, 2, Enumerable.Repeat((byte)'N', 11).ToArray(), '.');
        ((Action)(() => Load(many, small))).Should().Throw<SchemeFormatException>().WithMessage("*stack over 10*");
        var memo = P(0x80, 2, 'N', 'q', 0, 'q', 1, 'q', 2, '.');
        ((Action)(() => Load(memo, small))).Should().Throw<SchemeFormatException>().WithMessage("*memo over 2*");
        var marks = P(0x80, 2, "((((", '.');
        ((Action)(() => Load(marks, small))).Should().Throw<SchemeFormatException>().WithMessage("*MARKs*");
    }

    [Fact]
    public void Protocol_2_bytes_come_through_codecs_encode_only_as_latin1()
    {
        var ok = P(0x80, 2, 'c', "_codecs\nencode\n", Str("\u00ff\u0001"), Str("latin1"), 0x86, 'R', '.');
        Load(ok).Should().BeEquivalentTo(new byte[] { 0xff, 1 });
        var other = P(0x80, 2, 'c', "_codecs\nencode\n", Str("x"), Str("rot13"), 0x86, 'R', '.');
        ((Action)(() => Load(other))).Should().Throw<SchemeFormatException>().WithMessage("*unexpected arguments*");
    }
}

[Trait("Category", "Fast")]
public class UnpicklerContainerTests
{
    [Fact]
    public void A_dict_with_a_hundred_thousand_setitems_keeps_every_key_once()
    {
        var bytes = new List<byte> { 0x80, 2, (byte)'}', (byte)'(' };
        for (int i = 0; i < 100_000; i++)
        {
            bytes.Add((byte)'J');
            bytes.AddRange(BitConverter.GetBytes(i % 50_000)); // every key twice: the second value wins
            bytes.Add((byte)'J');
            bytes.AddRange(BitConverter.GetBytes(i));
        }
        bytes.AddRange("u."u8.ToArray());
        var dict = (PyDict)Unpickler.Load(bytes.ToArray(), "t")!;
        dict.Items.Should().HaveCount(50_000);
        dict.Items[7].Value.Should().Be(50_007L);
    }

    [Fact]
    public void Pop_with_nothing_above_a_mark_drops_the_mark_as_CPython_does()
    {
        Unpickler.Load([0x80, 2, (byte)'N', (byte)'(', (byte)'0', (byte)'.'], "t").Should().BeNull();
    }

    [Fact]
    public void Protocol_2_sets_bytearrays_and_devices_come_through_their_builtins()
    {
        byte[] Str(string s) => [0x8c, (byte)s.Length, .. System.Text.Encoding.ASCII.GetBytes(s)];
        byte[] pickle = [0x80, 2, (byte)'(',
            (byte)'c', .. "__builtin__\nset\n"u8.ToArray(), (byte)']', (byte)'K', 3, (byte)'a', 0x85, (byte)'R',
            (byte)'c', .. "torch\ndevice\n"u8.ToArray(), .. Str("cuda"), (byte)'K', 1, 0x86, (byte)'R',
            (byte)'c', .. "builtins\nbytearray\n"u8.ToArray(), (byte)'C', 1, 9, 0x85, (byte)'R',
            (byte)'t', (byte)'.'];
        var t = (PyTuple)Unpickler.Load(pickle, "t")!;
        ((PyList)t[0]!).Should().Equal(3L);
        t[1].Should().Be("cuda:1");
        t[2].Should().BeEquivalentTo(new byte[] { 9 });
    }
}
