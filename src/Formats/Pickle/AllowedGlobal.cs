namespace StrassenRepro.Formats.Pickle;

/// <summary>What an allow-listed global is; each kind maps to one pure C# constructor in PickleGlobals.</summary>
public enum AllowedGlobal
{
    OrderedDict,
    RebuildTensorV2,
    RebuildTensor,
    RebuildParameter,
    RebuildParameterWithState,
    Storage,
    TorchDtype,
    TorchSize,
    NumpyReconstruct,
    NumpyNdarray,
    NumpyDtype,
    NumpyScalar,
    NumpyFromBuffer,
    CodecsEncode,
    BuiltinSet,
    BuiltinBytearray,
    TorchDevice,
}
