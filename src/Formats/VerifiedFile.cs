using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>A file as read, and the verdict on it.</summary>
public sealed record VerifiedFile(SchemeSource Source, VerificationReport Report);
