namespace StrassenRepro.Reproduction.Origins;

/// <summary>
/// A place in the upstream repository (grisuno/strass_strassen at the commit of Model's ProtocolSource.Commit): a path
/// and its lines, written `path:lines` as docs/upstream-map.md cites them; Lines is "" for a whole (result) file.
/// </summary>
public sealed record Citation(string Path, string Lines)
{
    public override string ToString() => Lines.Length == 0 ? Path : $"{Path}:{Lines}";
}
