using StrassenRepro.Crystallization;

namespace StrassenRepro.Cli;

/// <summary>A usage error detected after parsing (an option value out of range, say).</summary>
public sealed class UsageException(string message) : Exception(message);
