namespace StrassenRepro.Model;

/// <summary>
/// Whether this build carries libtorch: a lean build (-p:TorchDevice=none) trains on the cpu and gpu engines only. Decided
/// at build time: probing TorchSharp in a lean build prints its whole search for the library.
/// </summary>
public static class LibTorch
{
#if NO_LIBTORCH
    public static bool Available => false;
#else
    public static bool Available => true;
#endif
}
