namespace StrassenRepro.BrowserCheck;

/// <summary>An image of the page: its address as written, its alternative text, and whether it decoded.</summary>
public sealed record ImageState(string Src, string Alt, bool Loaded);
