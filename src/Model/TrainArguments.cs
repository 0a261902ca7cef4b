using System.Globalization;

namespace StrassenRepro.Model;

/// <summary>
/// What `train` is told: a protocol, a seed and a batch size, then settings of any other field (applied in order).
/// For(config) writes any run's configuration this way, so a stored run can be re-trained alone from its arguments.
/// </summary>
public sealed record TrainArguments
{
    public required string Protocol { get; init; }
    public required long Seed { get; init; }
    public required int BatchSize { get; init; }
    public IReadOnlyList<RunSetting> Settings { get; init; } = [];

    /// <summary>The run these arguments describe, validated (ArgumentException otherwise).</summary>
    public RunConfig ToConfig() =>
        RunSetting.Apply(TrainingProtocols.ByName(Protocol, Seed, BatchSize), Settings).Validated();

    /// <summary>
    /// The arguments that give exactly this configuration (the same hash): its own protocol (upstream for a custom
    /// one, which a setting renames) and one setting per field that differs from the protocol's.
    /// </summary>
    public static TrainArguments For(RunConfig config)
    {
        string protocol = TrainingProtocols.Names.Contains(config.Protocol) ? config.Protocol : "upstream";
        var baseline = TrainingProtocols.ByName(protocol, config.Seed, config.BatchSize);
        return new TrainArguments
        {
            Protocol = protocol,
            Seed = config.Seed,
            BatchSize = config.BatchSize,
            Settings = RunSetting.Between(baseline, config),
        };
    }

    /// <summary>The train command's words after `train` (values need no shell quoting: no spaces, no quotes).</summary>
    public IReadOnlyList<string> ToWords() =>
    [
        "--protocol", Protocol,
        "--seed", Seed.ToString(CultureInfo.InvariantCulture),
        "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture),
        .. Settings.SelectMany(s => new[] { "--set", s.ToString() }),
    ];
}
