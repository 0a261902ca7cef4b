namespace StrassenRepro.Crystallization;

/// <summary>Bad input: a malformed, unsupported or inconsistent scheme file or value.
/// The command line turns it into a one-line message and exit code 2.</summary>
public sealed class SchemeFormatException : Exception
{
    public SchemeFormatException(string message) : base(message) { }
    public SchemeFormatException(string message, Exception inner) : base(message, inner) { }
}
