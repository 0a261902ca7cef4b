using System.Globalization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>How much a report's verdicts can say.</summary>
public enum ScopeKind
{
    /// <summary>Every planned run is stored and the preset is a real design: the verdicts are findings.</summary>
    Whole,
    /// <summary>Some planned runs are missing (a shard, a stopped sweep): the rules ran on part of the data.</summary>
    Partial,
    /// <summary>The smoke preset: toy-sized runs that check the mechanics and say nothing about the paper.</summary>
    MechanicsOnly,
}
