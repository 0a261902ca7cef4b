namespace StrassenRepro.Cli;

/// <summary>The command-line contract: 0 success/valid, 1 verified failure, 2 bad input or usage.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int VerifiedFailure = 1;
    public const int BadInput = 2;
}
