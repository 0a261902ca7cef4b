using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>What a JSON scheme file holds: the scheme, its exact values when every coefficient is exact, the metadata,
/// the ring the file declares (the catalogue's "z2": true is F2; null where the file says nothing), and its format
/// ("json" ours, "catalogue-json" the field's).</summary>
public sealed record JsonScheme(Scheme Scheme, RationalScheme? Exact, JsonObject? Metadata, Ring? Ring = null,
    string Format = "json");
