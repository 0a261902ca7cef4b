using System.Reflection;

namespace StrassenRepro.Tests.Cli;

/// <summary>strassen-repro and every assembly of ours it references, directly or not (BrowserCheck is not one).</summary>
public static class SrcAssemblies
{
    private static readonly Lazy<IReadOnlyList<Assembly>> Found = new(() =>
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(StrassenRepro.Cli.CliApp).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var name in assembly.GetReferencedAssemblies())
                if (name.Name!.StartsWith("StrassenRepro.", StringComparison.Ordinal) && !found.ContainsKey(name.Name))
                    pending.Push(Assembly.Load(name));
        }
        return found.Values.ToList();
    });

    public static IReadOnlyList<Assembly> All => Found.Value;
}
