using Mono.Unix;
using Mono.Unix.Native;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// An input path checked before it is opened: it must name a regular file. Opening a FIFO for reading blocks
/// until a writer comes, a device may never end, a socket is no file to read; a symbolic link loop or a
/// dangling link is named as such, not as a missing file. .NET has no public API for the type of a file, so
/// lstat(2) and stat(2) come from Mono.Unix; where its native shim cannot be called (Windows, which it has no
/// shim for, or a shim of another version) nothing is checked here and the reader says what it finds.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Refuses, in one line headed by `name`, a path that is not a regular file (after its links). A path that
    /// does not exist passes: the caller says "no such file", as it does where nothing can be checked.
    /// </summary>
    public static void RequireRegular(string path, string name)
    {
        string? problem;
        try
        {
            problem = Problem(path, name);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException
                                      or TypeInitializationException)
        {
            problem = null;
        }
        if (problem is not null) throw new SchemeFormatException(problem);
    }

    private static string? Problem(string path, string name)
    {
        if (Syscall.lstat(path, out var link) != 0) return Failure(path, name, Stdlib.GetLastError(), link: false);
        bool isLink = (link.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFLNK;
        if (Syscall.stat(path, out var target) != 0) return Failure(path, name, Stdlib.GetLastError(), isLink);
        var type = target.st_mode & FilePermissions.S_IFMT;
        return type == FilePermissions.S_IFREG ? null : $"{name}: not a regular file ({Kind(type)})";
    }

    /// <summary>Why lstat or stat failed; null for a path that is simply missing.</summary>
    private static string? Failure(string path, string name, Errno errno, bool link) => errno switch
    {
        Errno.ELOOP => $"{name}: symbolic link loop",
        Errno.ENOENT => link ? $"{name}: dangling symbolic link (to {LinkTarget(path)})" : null,
        _ => $"{name}: cannot read ({UnixMarshal.GetErrorDescription(errno)})",
    };

    private static string LinkTarget(string path) => PrintableText.Of($"{new FileInfo(path).LinkTarget}");

    /// <summary>
    /// A type stat(2) gives other than a regular file: of POSIX's seven, a link is followed and a regular file
    /// passes, so the last one is a socket.
    /// </summary>
    private static string Kind(FilePermissions type) => type switch
    {
        FilePermissions.S_IFIFO => "a FIFO",
        FilePermissions.S_IFCHR => "a character device",
        FilePermissions.S_IFBLK => "a block device",
        FilePermissions.S_IFDIR => "a directory",
        _ => "a socket",
    };
}
