namespace StrassenRepro.Reproduction.Discovery;

/// <summary>How `discover` looks for schemes.</summary>
public enum DiscoveryProtocol
{
    /// <summary>The paper's bilinear net (`train-strassen`) trained, pruned and crystallized: the protocol of the claims.</summary>
    Train,
    /// <summary>Alternating least squares on the Brent equations with a grid pull and projection (Model.Search.AlsProtocol).</summary>
    Als,
}
