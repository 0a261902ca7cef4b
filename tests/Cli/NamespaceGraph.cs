using System.Reflection;
using System.Reflection.Emit;

namespace StrassenRepro.Tests.Cli;

/// <summary>
/// Which namespace of ours uses which, read from the compiled assemblies by reflection. An edge A -> B means a type
/// declared in namespace A (with its nested and compiler-generated types: closures, iterators, async state machines)
/// names a type declared in namespace B, A != B, both under StrassenRepro: as its base type or an interface; as the
/// type of a field, property, event, method or constructor parameter or return value; as a generic argument or
/// constraint of any of these; as an attribute; or through a type, field or method token in a method body's IL
/// (calls, object creation, field access, casts, typeof). Not seen, because the compiler leaves no trace of them:
/// constants and enum values it inlines, nameof, and XML documentation crefs.
/// Siblings() folds these edges onto the namespaces that share a parent, which is where a circle is a fault.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _witness = new();

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>One use that made the edge, "Type uses Type", for a failure message a reader can act on.</summary>
    public string Witness(string from, string to) => _witness[(from, to)];

    public static NamespaceGraph Of(IEnumerable<Assembly> assemblies)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
            foreach (var used in TypesUsedBy(type))
                graph.Add(type, used);
        return graph;
    }

    /// <summary>
    /// The edges between sibling namespaces, each standing for itself and every namespace inside it: A.B.X -> A.C.Y
    /// gives A.B -> A.C. An edge between a namespace and one that encloses it (Model.Gpu -> Model, or back) gives none:
    /// C# makes an enclosing namespace visible inside it without a using, and it holds what its children share or
    /// the entry point that composes them.
    /// </summary>
    public NamespaceGraph Siblings()
    {
        var siblings = new NamespaceGraph();
        foreach (var (from, targets) in _edges)
            foreach (var to in targets)
            {
                var a = from.Split('.');
                var b = to.Split('.');
                var common = 0;
                while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
                if (common == a.Length || common == b.Length) continue;
                siblings.AddEdge(string.Join('.', a[..(common + 1)]), string.Join('.', b[..(common + 1)]),
                    _witness[(from, to)]);
            }
        return siblings;
    }

    /// <summary>The namespaces that reach each other (Tarjan's strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Circles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var circles = new List<IReadOnlyList<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                    low[node] = Math.Min(low[node], index[next]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            if (component.Count > 1) circles.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal).ToList())
            if (!index.ContainsKey(node)) Visit(node);
        return circles;
    }

    public void AddEdge(string from, string to, string witness)
    {
        if (from == to) return;
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
        if (targets.Add(to)) _witness[(from, to)] = witness;
    }

    private void Add(Type user, Type used)
    {
        var from = NamespaceOf(user);
        var to = NamespaceOf(used);
        if (from is null || to is null || !Ours(from) || !Ours(to)) return;
        AddEdge(from, to, $"{user.FullName} uses {used.FullName}");
    }

    private static bool Ours(string ns) => ns == "StrassenRepro" || ns.StartsWith("StrassenRepro.", StringComparison.Ordinal);

    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type.Namespace;
    }

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
        | BindingFlags.Instance | BindingFlags.Static;

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        if (type.IsGenericTypeDefinition)
            named.AddRange(type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()));
        named.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var field in type.GetFields(Declared)) named.Add(field.FieldType);
        foreach (var property in type.GetProperties(Declared)) named.Add(property.PropertyType);
        foreach (var @event in type.GetEvents(Declared)) named.Add(@event.EventHandlerType);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) named.Add(info.ReturnType);
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            named.AddRange(method.GetCustomAttributesData().Select(a => a.AttributeType));
            named.AddRange(TypesInBody(type, method));
        }
        return named.OfType<Type>().SelectMany(Unwrap);
    }

    /// <summary>A type and what it is built of: element types of arrays, pointers and refs, generic arguments.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType) return Unwrap(type.GetElementType()!);
        if (type.IsGenericParameter) return [];
        if (!type.IsGenericType) return [type];
        return type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition());
    }

    private static IEnumerable<Type> TypesInBody(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? TwoByte[il[at + 1]] : OneByte[il[at]];
            at += code.Size;
            var operand = code.OperandType;
            if (operand is OperandType.InlineType or OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var used in MemberTypes(member)) yield return used;
            }
            at += OperandSize(operand, il, at);
        }
    }

    private static IEnumerable<Type?> MemberTypes(MemberInfo? member) => member switch
    {
        Type t => [t],
        FieldInfo f => [f.DeclaringType, f.FieldType],
        MethodInfo m => [m.DeclaringType, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType),
            .. m.IsGenericMethod ? m.GetGenericArguments() : []],
        ConstructorInfo c => [c.DeclaringType],
        _ => [],
    };

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256], TwoByte = new OpCode[256];

    static NamespaceGraph()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (code.Size == 1) OneByte[value] = code;
            else TwoByte[value & 0xFF] = code;
        }
    }
}
