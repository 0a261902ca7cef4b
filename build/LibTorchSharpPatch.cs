// Makes TorchSharp's native shim load on an old libstdc++ (Debian 12, GCC 12). Compiled twice: by MSBuild's
// RoslynCodeTaskFactory as the PatchLibTorchSharp task (Directory.Build.targets), and into tests/Model
// (with LIBTORCHSHARP_PATCH_TESTS defined) so the ELF logic is tested on the real file. The task factory compiles
// against netstandard, hence the plain byte reads instead of spans.
//
// libLibTorchSharp.so 0.107 asks for GLIBCXX_3.4.32 only for _ZSt21ios_base_library_initv, a marker symbol that
// nothing calls. Marking that one version requirement weak (VER_FLG_WEAK in its Vernaux entry) lets the dynamic
// loader accept a libstdc++ without it. Where the system libstdc++ has GLIBCXX_3.4.32 the file is left untouched.
using System;
using System.IO;
using System.Text;

public static class LibTorchSharpPatch
{
    public const string Version = "GLIBCXX_3.4.32";
    public const ushort VerFlagWeak = 0x2;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>File offset of the vna_flags field of the Vernaux entry named <paramref name="version"/>, or -1.</summary>
    public static long FindVernauxFlags(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        long shoff = (long)Read(elf, 0x28, 8);
        long shentsize = (long)Read(elf, 0x3A, 2);
        long shnum = (long)Read(elf, 0x3C, 2);
        for (long i = 0; i < shnum; i++)
        {
            long sh = shoff + i * shentsize;
            if (Read(elf, sh + 4, 4) != ShtGnuVerneed) continue;
            long offset = (long)Read(elf, sh + 24, 8);
            long link = (long)Read(elf, sh + 40, 4);
            long count = (long)Read(elf, sh + 44, 4);
            long strings = (long)Read(elf, shoff + link * shentsize + 24, 8);

            long verneed = offset;
            for (long n = 0; n < count; n++)
            {
                long auxCount = (long)Read(elf, verneed + 2, 2);
                long aux = verneed + (long)Read(elf, verneed + 8, 4);
                for (long a = 0; a < auxCount; a++)
                {
                    if (ReadString(elf, strings + (long)Read(elf, aux + 8, 4)) == version) return aux + 4;
                    aux += (long)Read(elf, aux + 12, 4);
                }
                long next = (long)Read(elf, verneed + 12, 4);
                if (next == 0) break;
                verneed += next;
            }
        }
        return -1;
    }

    /// <summary>A little-endian unsigned integer of the given width; throws past the end of the file.</summary>
    private static ulong Read(byte[] elf, long at, int bytes)
    {
        if (at < 0 || at + bytes > elf.Length) throw new InvalidDataException("ELF structure points past the end of the file");
        ulong value = 0;
        for (int i = bytes - 1; i >= 0; i--) value = (value << 8) | elf[at + i];
        return value;
    }

    private static string ReadString(byte[] elf, long at)
    {
        int end = Array.IndexOf(elf, (byte)0, (int)at);
        if (end < 0) throw new InvalidDataException("unterminated ELF string");
        return Encoding.ASCII.GetString(elf, (int)at, end - (int)at);
    }

    /// <summary>ORs VER_FLG_WEAK into the requirement; returns false when it is absent or already weak.</summary>
    public static bool MarkWeak(byte[] elf, string version = Version)
    {
        long at = FindVernauxFlags(elf, version);
        if (at < 0) return false;
        // VER_FLG_WEAK lives in the low byte of the little-endian vna_flags.
        if ((elf[at] & VerFlagWeak) != 0) return false;
        elf[at] |= (byte)VerFlagWeak;
        return true;
    }

    /// <summary>True when a libstdc++.so.6 of this system defines the version (then nothing needs patching).</summary>
    public static bool SystemLibStdCxxHas(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            return Contains(File.ReadAllBytes(path), needle);
        }
        return false;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    /// <summary>
    /// Patches the file in place (same name, same folder) when this Linux system lacks the version. Writes a temporary
    /// file and renames it over the original, so a hard link into the NuGet cache is never written through.
    /// Returns what it did, for the build log.
    /// </summary>
    public static string PatchIfNeeded(string path)
    {
        if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux)) return "not Linux: left as is";
        if (SystemLibStdCxxHas(Version)) return $"system libstdc++ has {Version}: left as is";
        var bytes = File.ReadAllBytes(path);
        if (!MarkWeak(bytes)) return $"{Version} requirement absent or already weak: left as is";
        string temp = path + ".patching";
        File.WriteAllBytes(temp, bytes);
        File.Replace(temp, path, null);
        return $"marked {Version} weak";
    }
}

#if !LIBTORCHSHARP_PATCH_TESTS
public class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required]
    public string Path { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"PatchLibTorchSharp {Path}: {LibTorchSharpPatch.PatchIfNeeded(Path)}");
            return true;
        }
        catch (Exception e)
        {
            Log.LogError($"PatchLibTorchSharp {Path}: {e.Message}");
            return false;
        }
    }
}
#endif
