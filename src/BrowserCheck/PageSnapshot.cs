using System.Text.Json;

namespace StrassenRepro.BrowserCheck;

/// <summary>What the loaded page shows, read by one script in the page (the DOM read once, consistently).</summary>
public sealed record PageSnapshot(
    IReadOnlyList<ImageState> Images, IReadOnlyList<LinkState> Links, IReadOnlyList<string> AbsoluteAddresses,
    IReadOnlyList<RowState> Rows)
{
    /// <summary>
    /// Absolute addresses: a scheme other than data: or a leading '/' in src or href; the report must work from any
    /// folder, so everything it points at is relative (or inline).
    /// </summary>
    public const string Script = """
        () => {
          const absolute = u => /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(u) && !/^data:/i.test(u);
          const text = e => e ? e.textContent.trim() : '';
          return {
            images: [...document.images].map(i => ({
              src: i.getAttribute('src') ?? '', alt: i.alt ?? '', loaded: i.complete && i.naturalWidth > 0 })),
            links: [...document.querySelectorAll('a[href^="#"]')].map(a => {
              const id = decodeURIComponent(a.getAttribute('href').slice(1));
              return { href: a.getAttribute('href'), resolves: id.length > 0 && document.getElementById(id) !== null };
            }),
            absolute: [...document.querySelectorAll('[src], [href]')]
              .map(e => e.getAttribute('src') ?? e.getAttribute('href')).filter(absolute),
            rows: [...document.querySelectorAll('table.summary > tbody > tr')].map(r => ({
              id: text(r.querySelector('td:first-child a')),
              verdict: text(r.querySelector('td.verdict')),
              classes: [...(r.querySelector('td.verdict')?.classList ?? [])] })),
          };
        }
        """;

    public static PageSnapshot Parse(JsonElement e) => new(
        [.. e.GetProperty("images").EnumerateArray().Select(i =>
            new ImageState(i.GetProperty("src").GetString()!, i.GetProperty("alt").GetString()!,
                i.GetProperty("loaded").GetBoolean()))],
        [.. e.GetProperty("links").EnumerateArray().Select(l =>
            new LinkState(l.GetProperty("href").GetString()!, l.GetProperty("resolves").GetBoolean()))],
        [.. e.GetProperty("absolute").EnumerateArray().Select(a => a.GetString()!)],
        [.. e.GetProperty("rows").EnumerateArray().Select(r => new RowState(
            r.GetProperty("id").GetString()!, r.GetProperty("verdict").GetString()!,
            [.. r.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!)]))]);
}
