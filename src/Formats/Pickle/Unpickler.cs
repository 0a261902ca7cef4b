using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Pickle;

/// <summary>
/// A restricted unpickler for protocols 2 to 5: the opcodes torch.save and NumPy write. Globals go through
/// the allow-list, REDUCE/NEWOBJ/BUILD through PickleGlobals' pure constructors, persistent ids through the
/// caller's loader. Iterative (no recursion) and bounded: every opcode consumes input, stack/memo/marks are capped.
/// The values it produces: Python ints are long (or BigInteger past 64 bits), floats double, str string,
/// bytes/bytearray byte[], None null, bool bool; containers are PyTuple, PyList (also sets) and PyDict.
/// </summary>
public sealed class Unpickler
{
    private readonly byte[] _data;
    private readonly string _file;
    private readonly Func<object?, object?>? _persistentLoad;
    private readonly PickleLimits _limits;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _pos;

    public Unpickler(byte[] data, string file, Func<object?, object?>? persistentLoad = null, PickleLimits? limits = null)
    {
        _data = data;
        _file = file;
        _persistentLoad = persistentLoad;
        _limits = limits ?? PickleLimits.Default;
    }

    public static object? Load(byte[] data, string file, Func<object?, object?>? persistentLoad = null, PickleLimits? limits = null) =>
        new Unpickler(data, file, persistentLoad, limits).Load();

    public object? Load()
    {
        while (true)
        {
            int at = _pos;
            byte op = Byte();
            switch (op)
            {
                case 0x80: // PROTO
                    int proto = Byte();
                    if (proto is < 2 or > 5) Fail($"pickle protocol {proto} is not supported (2 to 5 are)");
                    break;
                case 0x95: // FRAME: a length hint only
                    Take(8);
                    break;
                case (byte)'.': // STOP
                    if (_stack.Count != 1 || _marks.Count != 0) Fail("pickle ends with a malformed stack");
                    return _stack[0];
                case (byte)'(': // MARK
                    if (_marks.Count >= _limits.MaxMarks) Fail($"more than {_limits.MaxMarks} nested MARKs");
                    _marks.Push(_stack.Count);
                    break;
                case (byte)'0': // POP: as in CPython, with nothing above the last MARK it drops the MARK
                    if (_marks.Count > 0 && _stack.Count == _marks.Peek()) _marks.Pop();
                    else Pop();
                    break;
                case (byte)'1': PopMark(); break; // POP_MARK
                case (byte)'2': Push(Peek()); break; // DUP
                case (byte)'}': Push(new PyDict()); break;
                case (byte)']': Push(new PyList()); break;
                case (byte)')': Push(new PyTuple([])); break;
                case 0x8f: Push(new PyList()); break; // EMPTY_SET
                case (byte)'t': Push(new PyTuple(PopMark())); break;
                case 0x85: Push(new PyTuple([Pop()])); break;
                case 0x86: { var b = Pop(); var a = Pop(); Push(new PyTuple([a, b])); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new PyTuple([a, b, c])); break; }
                case (byte)'l': { var list = new PyList(); list.AddRange(PopMark()); Push(list); break; }
                case (byte)'d': { var d = new PyDict(); SetItems(d, PopMark()); Push(d); break; }
                case 0x91: { var set = new PyList(); set.AddRange(PopMark()); Push(set); break; } // FROZENSET
                case 0x90: { var items = PopMark(); As<PyList>(Peek(), "ADDITEMS").AddRange(items); break; }
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break; // BININT
                case (byte)'K': Push((long)Byte()); break; // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break; // BININT2
                case 0x8a: Push(Long(Byte())); break; // LONG1
                case 0x8b: // LONG4
                    int n4 = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
                    if (n4 is < 0 or > 64) Fail($"LONG4 of {n4} bytes refused");
                    Push(Long(n4));
                    break;
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break; // BINFLOAT
                case 0x8c: Push(Text(Byte())); break; // SHORT_BINUNICODE
                case (byte)'X': Push(Text(Length(4))); break; // BINUNICODE
                case 0x8d: Push(Text(Length(8))); break; // BINUNICODE8
                case (byte)'U': Push(Encoding.Latin1.GetString(Take(Byte()))); break; // SHORT_BINSTRING (Python 2 str)
                case (byte)'T': Push(Encoding.Latin1.GetString(Take(Length(4)))); break; // BINSTRING
                case (byte)'C': Push(Take(Byte()).ToArray()); break; // SHORT_BINBYTES
                case (byte)'B': Push(Take(Length(4)).ToArray()); break; // BINBYTES
                case 0x8e: Push(Take(Length(8)).ToArray()); break; // BINBYTES8
                case 0x96: Push(Take(Length(8)).ToArray()); break; // BYTEARRAY8
                case (byte)'N': Push(null); break;
                case 0x88: Push(true); break;
                case 0x89: Push(false); break;
                case (byte)'q': Put(Byte()); break; // BINPUT
                case (byte)'r': Put(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))); break; // LONG_BINPUT
                case 0x94: Put(_memo.Count); break; // MEMOIZE
                case (byte)'h': Get(Byte()); break; // BINGET
                case (byte)'j': Get(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))); break; // LONG_BINGET
                case (byte)'s': { var v = Pop(); var k = Pop(); As<PyDict>(Peek(), "SETITEM").Set(k, v); break; }
                case (byte)'u': { var items = PopMark(); SetItems(As<PyDict>(Peek(), "SETITEMS"), items); break; }
                case (byte)'a': { var v = Pop(); As<PyList>(Peek(), "APPEND").Add(v); break; }
                case (byte)'e': { var items = PopMark(); As<PyList>(Peek(), "APPENDS").AddRange(items); break; }
                case (byte)'c': // GLOBAL
                    {
                        var module = Line();
                        var name = Line();
                        Push(AllowList.Resolve(module, name, _file));
                        break;
                    }
                case 0x93: // STACK_GLOBAL
                    {
                        var name = Pop();
                        var module = Pop();
                        if (module is not string m || name is not string n) { Fail("STACK_GLOBAL needs two strings"); return null; }
                        Push(AllowList.Resolve(m, n, _file));
                        break;
                    }
                case (byte)'R': // REDUCE
                    {
                        var args = Pop();
                        var callable = Pop();
                        Push(PickleGlobals.Call(Callable(callable, "REDUCE"), As<PyTuple>(args, "REDUCE arguments"), _limits, _file));
                        break;
                    }
                case 0x81: // NEWOBJ: cls.__new__(cls, *args), only for allow-listed classes
                    {
                        var args = Pop();
                        var cls = Callable(Pop(), "NEWOBJ");
                        if (cls.Kind is not (AllowedGlobal.OrderedDict or AllowedGlobal.TorchSize or AllowedGlobal.NumpyNdarray))
                            Fail($"NEWOBJ on {cls.FullName} is not allowed");
                        Push(PickleGlobals.Call(cls, As<PyTuple>(args, "NEWOBJ arguments"), _limits, _file));
                        break;
                    }
                case (byte)'b': // BUILD
                    {
                        var state = Pop();
                        PickleGlobals.Build(Peek(), state, _limits, _file);
                        break;
                    }
                case (byte)'Q': // BINPERSID
                    {
                        var pid = Pop();
                        if (_persistentLoad is null) Fail("persistent id in a pickle that may not reference storages");
                        Push(_persistentLoad!(pid));
                        break;
                    }
                case (byte)'i':
                case (byte)'o':
                case 0x92:
                    Fail($"opcode {Name(op)} (instantiates an arbitrary class) is not allowed");
                    break;
                case 0x82:
                case 0x83:
                case 0x84:
                    Fail($"opcode {Name(op)} (extension registry) is not allowed");
                    break;
                case 0x97:
                case 0x98:
                    Fail("out-of-band pickle buffers are not supported");
                    break;
                default:
                    Fail($"unsupported pickle opcode 0x{op:x2} at offset {at}");
                    break;
            }
        }
    }

    private static string Name(byte op) => op switch
    {
        (byte)'i' => "INST",
        (byte)'o' => "OBJ",
        0x92 => "NEWOBJ_EX",
        0x82 => "EXT1",
        0x83 => "EXT2",
        _ => "EXT4",
    };

    private PyGlobal Callable(object? value, string op) =>
        value as PyGlobal ?? throw Error($"{op} on {PyValues.Describe(value)}, which is not an allow-listed global");

    private T As<T>(object? value, string what) where T : class =>
        value as T ?? throw Error($"{what} expects {typeof(T).Name}, got {PyValues.Describe(value)}");

    private static void SetItems(PyDict d, object?[] items)
    {
        for (int i = 0; i + 1 < items.Length; i += 2) d.Set(items[i], items[i + 1]);
    }

    private void Push(object? value)
    {
        if (_stack.Count >= _limits.MaxStack) Fail($"pickle stack over {_limits.MaxStack} entries");
        _stack.Add(value);
    }

    private object? Pop()
    {
        int floor = _marks.Count > 0 ? _marks.Peek() : 0;
        if (_stack.Count <= floor) Fail("pickle stack underflow");
        var v = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private object? Peek()
    {
        int floor = _marks.Count > 0 ? _marks.Peek() : 0;
        if (_stack.Count <= floor) Fail("pickle stack underflow");
        return _stack[^1];
    }

    private object?[] PopMark()
    {
        if (_marks.Count == 0) Fail("pickle MARK missing");
        int start = _marks.Pop();
        var items = _stack.GetRange(start, _stack.Count - start).ToArray();
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private void Put(long index)
    {
        if (_memo.Count >= _limits.MaxMemo && !_memo.ContainsKey(index)) Fail($"pickle memo over {_limits.MaxMemo} entries");
        _memo[index] = Peek();
    }

    private void Get(long index)
    {
        if (!_memo.TryGetValue(index, out var value)) Fail($"pickle memo has no entry {index}");
        Push(value);
    }

    private byte Byte()
    {
        if (_pos >= _data.Length) Fail("truncated pickle");
        return _data[_pos++];
    }

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > _data.Length - _pos) Fail($"truncated pickle (needs {count} bytes at offset {_pos})");
        var span = _data.AsSpan(_pos, (int)count);
        _pos += (int)count;
        return span;
    }

    private long Length(int width)
    {
        var b = Take(width);
        long n = width == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
        if (n < 0 || n > _data.Length - _pos) Fail($"pickle declares {n} bytes at offset {_pos}, but only {_data.Length - _pos} remain");
        return n;
    }

    private string Text(long count)
    {
        int at = _pos;
        try
        {
            return StrictUtf8.Encoding.GetString(Take(count));
        }
        catch (DecoderFallbackException)
        {
            throw Error($"string at offset {at} is not valid UTF-8");
        }
    }

    private object Long(int count)
    {
        var bytes = Take(count);
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    /// <summary>A text line of GLOBAL (module or name), ASCII/UTF-8, at most 256 bytes.</summary>
    private string Line()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _pos, Math.Min(257, _data.Length - _pos));
        // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
        if (end < 0) Fail("GLOBAL name is not terminated");
        var text = Text(end - _pos);
        _pos++;
        return text;
    }

    private SchemeFormatException Error(string message) => new($"{_file}: {message}");

    [DoesNotReturn]
    private void Fail(string message) => throw Error(message);
}
