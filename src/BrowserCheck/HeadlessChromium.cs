using Microsoft.Playwright;

namespace StrassenRepro.BrowserCheck;

/// <summary>
/// Chromium without a window, sandbox, GPU or background traffic (no update checks, sync or QUIC probes: the check
/// must not depend on a network), on a fresh profile that is deleted afterwards.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    public IBrowserContext Context { get; }

    private HeadlessChromium(IPlaywright playwright, string profile, IBrowserContext context) =>
        (_playwright, _profile, Context) = (playwright, profile, context);

    public static async Task<HeadlessChromium> StartAsync(string executable)
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("strassen-chromium-").FullName;
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
                ViewportSize = new() { Width = 1280, Height = 900 },
            });
            return new HeadlessChromium(playwright, profile, context);
        }
        catch
        {
            playwright.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        DeleteProfile(_profile);
    }

    /// <summary>A profile left in the temporary folder harms nothing, so failing to delete it fails no check.</summary>
    private static void DeleteProfile(string profile)
    {
        try { Directory.Delete(profile, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
