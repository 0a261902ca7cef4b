using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats.Folders;

/// <summary>What a file of a folder run came to; the numbers are the exit codes of one file.</summary>
public enum FolderRowStatus
{
    Valid = 0,
    NotValid = 1,
    Unreadable = 2,
}

/// <summary>One file of a folder run, at its place in the walk order: its verification record, or the one-line error
/// that kept it from being read.</summary>
public sealed record FolderRow(int Index, string Path, VerificationReport? Report, string? Error)
{
    public FolderRowStatus Status => Report is null ? FolderRowStatus.Unreadable
        : Report.Obtained ? FolderRowStatus.Valid : FolderRowStatus.NotValid;

    /// <summary>Verifies one entry; any exception fails this file alone, so every other file keeps its row.</summary>
    public static FolderRow Of(int index, FolderEntry entry, Func<string, VerificationReport> verify)
    {
        if (entry.Error is not null) return new FolderRow(index, entry.Path, null, entry.Error);
        try
        {
            return new FolderRow(index, entry.Path, verify(entry.Path), null);
        }
        catch (Exception e)
        {
            return new FolderRow(index, entry.Path, null, Describe(e));
        }
    }

    /// <summary>The failures the readers give for bad input: their message alone says what is wrong.</summary>
    private static bool IsBadFile(Exception e) =>
        e is SchemeFormatException or IOException or UnauthorizedAccessException;

    /// <summary>One line; any other exception (a reader's gap, say) is named by its type, as it is no message written
    /// for the user.</summary>
    public static string Describe(Exception e) =>
        (IsBadFile(e) ? e.Message : $"{e.GetType().Name}: {e.Message}").ReplaceLineEndings(" ");
}
