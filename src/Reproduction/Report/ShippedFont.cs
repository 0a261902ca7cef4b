using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// The one font every figure uses: DejaVu Sans, embedded in this assembly. CI machines may have no
/// fonts installed, and SkiaSharp's dependency-free native build then finds none; a typeface read
/// from our own bytes renders the same text everywhere.
/// </summary>
public static class ShippedFont
{
    /// <summary>The family name figures ask ScottPlot for; resolved only by <see cref="Resolver"/>.</summary>
    public const string Name = "StrassenRepro DejaVu Sans";

    const string ResourceName = "StrassenRepro.Reproduction.Report.Fonts.DejaVuSans.ttf";

    static readonly Lazy<SKData> Bytes = new(Load);
    static readonly object Gate = new();
    static bool registered;

    /// <summary>A fresh typeface over the embedded font file.</summary>
    public static SKTypeface CreateTypeface() =>
        SKTypeface.FromData(Bytes.Value) ?? throw new InvalidOperationException("The embedded DejaVu Sans font could not be read.");

    /// <summary>Puts our resolver first in ScottPlot's list and makes <see cref="Name"/> its default font (idempotent).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            Fonts.FontResolvers.Insert(0, new Resolver());
            Fonts.Default = Name;
            registered = true;
        }
    }

    static SKData Load()
    {
        using var stream = typeof(ShippedFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {typeof(ShippedFont).Assembly.GetName().Name}.");
        return SKData.Create(stream);
    }

    /// <summary>Answers only for <see cref="Name"/>; bold/italic requests get the regular face (one file shipped).</summary>
    sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Name ? ShippedFont.CreateTypeface() : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Name ? ShippedFont.CreateTypeface() : null;
    }
}
