namespace StrassenRepro.Model;

/// <summary>
/// Where a training protocol's numbers come from: the upstream script it follows (repository grisuno/strass_strassen at
/// Commit), and for every hyperparameter the `path:line` that sets it, or what the protocol chose where no script
/// says. Stored with every run trained under the protocol (docs/upstream-map.md has the full reading).
/// </summary>
public sealed record ProtocolSource(string Script, IReadOnlyDictionary<string, string> Map)
{
    /// <summary>The upstream commit the citations were read at.</summary>
    public const string Commit = "6d41eed282c8aa2847810cd929ee0ab1fc273379";

    public string Repository => "grisuno/strass_strassen";
}
