using System.Net.Sockets;
using Mono.Unix.Native;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

/// <summary>
/// What is not a regular file is refused before it is opened, in one line that says what it is: a FIFO (opening
/// one for reading blocks until a writer comes), a device, a socket, a folder; a symbolic link loop and a dangling
/// link are named as such, not as a missing file.
/// </summary>
[Trait("Category", "Fast")]
public class InputFileTests
{
    private readonly string dir = TempFolder.Create("formats-input");

    private string In(string name) => Path.Combine(dir, name);

    /// <summary>The reader's one-line refusal; a read that blocks (a FIFO before the check) fails, not hangs.</summary>
    private static string Message(string path)
    {
        var read = Task.Run(() => SchemeReader.Read(path));
        try
        {
            if (read.Wait(TimeSpan.FromMinutes(1))) return $"read as {read.Result.Format}";
        }
        catch (AggregateException e) when (e.InnerException is SchemeFormatException refused)
        {
            return refused.Message;
        }
        using (new FileStream(path, FileMode.Open, FileAccess.Write)) { } // a writer lets the blocked open return
        return "blocked";
    }

    [Fact]
    public void A_FIFO_is_refused_at_once()
    {
        Syscall.mkfifo(In("f.json"), FilePermissions.S_IRUSR | FilePermissions.S_IWUSR).Should().Be(0);
        Message(In("f.json")).Should().Be("f.json: not a regular file (a FIFO)");
    }

    [Fact]
    public void A_socket_is_refused()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(In("s.npz")));
        Message(In("s.npz")).Should().Be("s.npz: not a regular file (a socket)");
    }

    [Fact]
    public void A_character_device_behind_a_link_is_refused()
    {
        File.CreateSymbolicLink(In("zero.json"), "/dev/zero");
        Message(In("zero.json")).Should().Be("zero.json: not a regular file (a character device)");
    }

    [Fact]
    public void A_block_device_is_refused()
    {
        // Block devices cannot be made without privileges; /dev holds one on Linux (a disk, a loop device).
        var device = Directory.EnumerateFileSystemEntries("/dev").Order(StringComparer.Ordinal)
            .FirstOrDefault(d => Syscall.stat(d, out var s) == 0
                                 && (s.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFBLK);
        device.Should().NotBeNull("Linux lists a block device in /dev");
        File.CreateSymbolicLink(In("disk.pt"), device!);
        Message(In("disk.pt")).Should().Be("disk.pt: not a regular file (a block device)");
    }

    [Fact]
    public void A_folder_with_a_scheme_name_is_refused_as_a_folder()
    {
        Directory.CreateDirectory(In("d.json"));
        Message(In("d.json")).Should().Be("d.json: not a regular file (a directory)");
    }

    [Fact]
    public void A_symbolic_link_loop_names_itself()
    {
        File.CreateSymbolicLink(In("a.json"), "b.json");
        File.CreateSymbolicLink(In("b.json"), "a.json");
        Message(In("a.json")).Should().Be("a.json: symbolic link loop");
    }

    [Fact]
    public void A_dangling_link_says_it_is_dangling()
    {
        File.CreateSymbolicLink(In("x.json"), "gone.json");
        Message(In("x.json")).Should().Be("x.json: dangling symbolic link (to gone.json)");
    }

    [Fact]
    public void A_missing_file_is_still_no_such_file_and_a_link_to_a_scheme_is_read()
    {
        Message(In("none.json")).Should().Be($"{In("none.json")}: no such file");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "numpy", "strassen_int64.npy"), In("s.npy"));
        File.CreateSymbolicLink(In("link.npy"), "s.npy");
        SchemeReader.Read(In("link.npy")).Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }
}
