namespace StrassenRepro.BrowserCheck;

/// <summary>Bad input for the check (no report folder, no Chromium): one line for the user, exit code 2.</summary>
public sealed class CheckInputException(string message) : Exception(message);
