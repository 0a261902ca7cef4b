namespace StrassenRepro.BrowserCheck;

/// <summary>An in-page link (#id) and whether an element with that id exists.</summary>
public sealed record LinkState(string Href, bool Resolves);
