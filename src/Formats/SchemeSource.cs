using System.Text.Json.Nodes;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>A scheme read from a file, with where it came from and how its factors were laid out
/// (Layout: a FactorLayout name; LayoutChoice: "declared", "forced" or how it was detected), and its exact
/// values when the file wrote them as such (Exact: our JSON's integers of any size and "p/q" strings), and the ring
/// the file declares (Ring: F2 for the catalogue's "z2": true and flips' "mod2" files; null where it says nothing).</summary>
public sealed record SchemeSource(Scheme Scheme, string Path, string Format, string? Key, JsonObject? Metadata,
    string? Layout = null, string? LayoutChoice = null, RationalScheme? Exact = null, Ring? Ring = null);
