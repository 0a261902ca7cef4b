namespace StrassenRepro.Tests.Cli;

/// <summary>
/// No namespace of src reaches itself through others (issue 25): references point one way inside a project too, so a
/// namespace can be read, tested and moved without the ones that use it. The edges are NamespaceGraph's (what the
/// compiled code names, signatures and method bodies), folded onto sibling namespaces (Reproduction.Claims,
/// Reproduction.Report ...; NamespaceGraph.Siblings); BrowserCheck is left out, it references none of the libraries.
/// </summary>
[Trait("Category", "Fast")]
public class NamespaceCircleTests
{
    private static readonly Lazy<NamespaceGraph> Src = new(() => NamespaceGraph.Of(SrcAssemblies.All));

    [Fact]
    public void No_namespace_of_src_is_in_a_circle()
    {
        var siblings = Src.Value.Siblings();
        var circles = siblings.Circles().Select(circle =>
            string.Join(" <-> ", circle) + ": " + string.Join("; ", circle.SelectMany(from => circle
                .Where(to => siblings.Edges.GetValueOrDefault(from)?.Contains(to) == true)
                .Select(to => siblings.Witness(from, to)))));
        circles.Should().BeEmpty("a circle means a namespace cannot be read or moved without the ones that use it");
    }

    [Fact]
    public void The_graph_sees_uses_in_signatures_and_in_method_bodies()
    {
        var edges = Src.Value.Edges;
        // The command files name their library entry points (bodies); Report reads the claims' results (signatures).
        edges["StrassenRepro.Cli.Commands"].Should().Contain("StrassenRepro.Reproduction");
        edges["StrassenRepro.Reproduction.Report"].Should().Contain("StrassenRepro.Reproduction.Claims");
        edges["StrassenRepro.Crystallization"].Should().Contain("StrassenRepro.Crystallization.Recovery");
        var projects = Src.Value.Siblings().Edges;
        projects["StrassenRepro.Cli"].Should().Contain("StrassenRepro.Reproduction");
        projects.GetValueOrDefault("StrassenRepro.Crystallization").Should().BeNull("the core uses no project of ours");
    }

    [Fact]
    public void A_circle_is_found_however_long_and_a_chain_is_not_one()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("A", "B", "a");
        graph.AddEdge("B", "C", "b");
        graph.AddEdge("C", "D", "c");
        graph.AddEdge("X", "A", "x");
        graph.Circles().Should().BeEmpty();
        graph.AddEdge("D", "B", "d");
        graph.Circles().Should().ContainSingle().Which.Should().Equal("B", "C", "D");
        graph.AddEdge("A", "A", "self");
        graph.Circles().Should().ContainSingle("an edge to itself is no edge");
    }

    [Fact]
    public void Siblings_stand_for_what_is_inside_them_and_enclosing_namespaces_give_no_edge()
    {
        var graph = new NamespaceGraph();
        graph.AddEdge("R", "R.Store", "the entry point composes its parts");
        graph.AddEdge("R.Store", "R", "a part uses what its parent shares");
        graph.AddEdge("R.Claims", "R.Report.Tables", "a claim builds a table");
        graph.Siblings().Circles().Should().BeEmpty();
        graph.Siblings().Edges["R.Claims"].Should().Equal("R.Report");
        graph.AddEdge("R.Report.Figures", "R.Claims.Results", "the report reads a claim");
        graph.Siblings().Circles().Should().ContainSingle().Which.Should().Equal("R.Claims", "R.Report");
        graph.Siblings().Witness("R.Report", "R.Claims").Should().Be("the report reads a claim");
    }
}
