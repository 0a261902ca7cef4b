using StrassenRepro.Crystallization;

namespace StrassenRepro.Cli;

/// <summary>Runs a command body so that bad input ends in one line and exit code 2, never a stack trace.</summary>
public static class Guarded
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (SchemeFormatException e)
        {
            Output.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (StrassenRepro.Model.Gpu.GpuUnavailableException e)
        {
            Output.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            Output.Error(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException)
        {
            Output.Error($"{e.GetType().Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
