using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>What our JSON format holds: the scheme, its exact values when every coefficient is exact, the metadata.</summary>
public sealed record JsonScheme(Scheme Scheme, RationalScheme? Exact, JsonObject? Metadata);
