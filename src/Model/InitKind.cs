namespace StrassenRepro.Model;

public enum InitKind
{
    /// <summary>U and V start from one shared draw, W from its own (the public code's "symmetric init").</summary>
    Symmetric,
    /// <summary>U, V and W from independent draws.</summary>
    Independent,
    /// <summary>
    /// torch.nn.init.xavier_uniform_ on each tensor in the order U, V, W: Uniform(-b, b), b = InitGain sqrt(6 / (4 + R))
    /// (fan in and fan out of an R x 4 or 4 x R matrix), independent draws.
    /// </summary>
    XavierUniform,
}
