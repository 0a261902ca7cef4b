using System.Text.Json;
using System.Text.Json.Nodes;
using StrassenRepro.Formats;

namespace StrassenRepro.Model;

/// <summary>
/// A trained run in our JSON scheme format (SchemeJson): the final weights (all R slots, the pruned ones at 0) and
/// metadata: the configuration, its hash, seed, engine, pruning, curves, kappas, library versions and the git commit.
/// Nothing time-dependent goes in, so the same run writes the same bytes.
/// </summary>
public static class Checkpoint
{
    private static readonly JsonSerializerOptions Json = new(RunConfig.CanonicalJson)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static JsonObject Metadata(RunResult result, EngineChoice engine)
    {
        var metadata = Fields(result, engine);
        if (ProtocolSources.Find(result.Config.Protocol) is { } source)
            metadata["source"] = JsonSerializer.SerializeToNode(source, Json);
        // Only the gpu engine names a device: cpu-engine checkpoints keep the bytes they always had.
        if (engine.Kind == EngineKind.Gpu)
            metadata["device"] = new JsonObject(engine.Describe().Where(f => f.Key != "engine")
                .Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));
        return metadata;
    }

    private static JsonObject Fields(RunResult result, EngineChoice engine) => new()
    {
        ["configuration"] = JsonNode.Parse(result.Config.ToJson()),
        ["configHash"] = result.ConfigHash,
        ["seed"] = result.Config.Seed,
        ["engine"] = engine.Name,
        ["steps"] = result.Steps,
        ["prunedSlots"] = JsonSerializer.SerializeToNode(result.PrunedSlots, Json),
        ["pruneSkipped"] = result.PruneSkipped,
        ["curves"] = JsonSerializer.SerializeToNode(result.Curves, Json),
        ["kappas"] = JsonSerializer.SerializeToNode(result.Kappas, Json),
        ["libraries"] = new JsonObject(LibraryVersions.Training.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
        ["gitCommit"] = GitCommit(),
    };

    /// <summary>Writes DIR/run-&lt;first 16 hex of the config hash&gt;.json and returns its path; null for a diverged run (JSON has no NaN).</summary>
    public static string? Write(RunResult result, EngineChoice engine, string directory)
    {
        if (result.Scheme is null) return null;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"run-{result.ConfigHash[..16]}.json");
        File.WriteAllText(path, SchemeJson.Write(result.Scheme, Metadata(result, engine)) + "\n");
        return path;
    }

    /// <summary>The project's commit this program was built from (BuildCommit), or null when it is not known.</summary>
    public static string? GitCommit() => BuildCommit.Value;
}
