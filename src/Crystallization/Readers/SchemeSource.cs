using System.Text.Json.Nodes;

namespace StrassenRepro.Crystallization.Readers;

/// <summary>A scheme read from a file, with where it came from.</summary>
public sealed record SchemeSource(Scheme Scheme, string Path, string Format, string? Key, JsonObject? Metadata);
