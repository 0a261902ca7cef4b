namespace StrassenRepro.Model;

/// <summary>Phase 1's optimizer (Phase 2 always uses Adam, as the public code's sparsify()).</summary>
public enum OptimizerKind
{
    /// <summary>PyTorch's AdamW (decoupled weight decay).</summary>
    AdamW,
    /// <summary>PyTorch's SGD without momentum: g += wd p (coupled weight decay), p -= lr g.</summary>
    Sgd,
}
