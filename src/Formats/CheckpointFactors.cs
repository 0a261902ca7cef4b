using StrassenRepro.Crystallization;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Formats;

/// <summary>
/// Finds U, V, W in an unpickled checkpoint: keys U/V/W or U_coefs/V_coefs/W_coefs (any case), at the top
/// or nested (model_state_dict, state_dict, module prefixes like "model." / "module."). Tensors and NumPy
/// arrays both count. The walk is bounded in depth and nodes, since memo references can form cycles.
/// </summary>
public static class CheckpointFactors
{
    /// <summary>Containers and wrappers a training script commonly puts around the factors.</summary>
    private static readonly HashSet<string> Wrappers = ["model_state_dict", "state_dict", "model", "module", "net", "_orig_mod", "params", "parameters"];

    public sealed record Found(string Group, object U, object V, object W);

    public static Found Find(object? root, string? key, PickleLimits limits, string file)
    {
        var groups = new Dictionary<string, Dictionary<char, object>>(StringComparer.Ordinal);
        foreach (var (path, value) in Leaves(root, limits, file))
        {
            int dot = path.LastIndexOf('.');
            // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
            string group = dot < 0 ? "" : path[..dot], leaf = path[(dot + 1)..];
            char? role = Role(leaf);
            if (role is null) continue;
            if (!groups.TryGetValue(group, out var g)) groups[group] = g = [];
            g.TryAdd(role.Value, value);
        }
        var complete = groups.Where(g => g.Value.Count == 3).Select(g => g.Key).OrderBy(g => g, StringComparer.Ordinal).ToList();
        string chosen;
        if (key is not null)
        {
            var k = key.Trim('.');
            if (!complete.Contains(k))
                throw new SchemeFormatException($"{file}: no U, V, W under '{PrintableText.Of(key)}' (found: {List(complete)})");
            chosen = k;
        }
        else
        {
            if (complete.Count == 0)
                throw new SchemeFormatException($"{file}: no U, V, W (or U_coefs, V_coefs, W_coefs) tensors found{(groups.Count > 0 ? $" (partial: {List(groups.Keys)})" : "")}");
            var preferred = complete.Where(g => g.Length == 0 || g.Split('.').All(Wrappers.Contains)).ToList();
            if (complete.Count == 1) chosen = complete[0];
            else if (preferred.Count == 1) chosen = preferred[0];
            else throw new SchemeFormatException($"{file}: several U, V, W groups ({List(complete)}); choose one with --key");
        }
        var found = groups[chosen];
        return new Found(chosen, found['U'], found['V'], found['W']);
    }

    private static string List(IEnumerable<string> groups) => string.Join(", ", groups.Take(8).Select(g => g.Length == 0 ? "<top level>" : PrintableText.Of(g)));

    private static char? Role(string leaf)
    {
        var l = leaf.ToLowerInvariant();
        foreach (var suffix in new[] { "", "_coefs", "_coef", "_coeffs" })
            foreach (var r in "uvw")
                if (l == r + suffix) return char.ToUpperInvariant(r);
        return null;
    }

    /// <summary>(dotted path, value) of every tensor or numeric NumPy array, walking dicts, lists and tuples.</summary>
    private static IEnumerable<(string Path, object Value)> Leaves(object? root, PickleLimits limits, string file)
    {
        var pending = new Stack<(string Path, object? Value, int Depth)>();
        pending.Push(("", root, 0));
        int visited = 0;
        while (pending.Count > 0)
        {
            var (path, value, depth) = pending.Pop();
            if (++visited > limits.MaxVisited) throw new SchemeFormatException($"{file}: checkpoint has more than {limits.MaxVisited} nested values");
            if (value is TorchTensor or NumpyArrayValue { Items: null })
            {
                yield return (path, value);
                // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                continue;
            }
            if (depth >= limits.MaxDepth)
            {
                if (value is PyDict or PyList or PyTuple) throw new SchemeFormatException($"{file}: checkpoint nests deeper than {limits.MaxDepth} levels");
                // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                continue;
            }
            IEnumerable<(string, object?)> children = value switch
            {
                PyDict d => d.Items.Where(kv => kv.Key is string or long).Select(kv => (Join(path, Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture)!), kv.Value)),
                PyList l => l.Select((x, i) => (Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), x)),
                PyTuple t => t.Items.Select((x, i) => (Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), x)),
                _ => [],
            };
            foreach (var (p, x) in children.Reverse()) pending.Push((p, x, depth + 1));
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
