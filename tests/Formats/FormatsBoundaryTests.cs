namespace StrassenRepro.Tests.Formats;

/// <summary>
/// The readers depend on the verification core and the framework only: no parser from a package (a parser of
/// hostile files should bring no code we did not write or review; Mono.Unix only tells a file's type before it is
/// opened) and no project above them (Model, Reproduction, Export and the command read files through them, never
/// the reverse).
/// </summary>
[Trait("Category", "Fast")]
public class FormatsBoundaryTests
{
    [Fact]
    public void The_formats_reference_only_the_core_and_the_framework()
    {
        AssemblyMetadata.ReferencedAssemblies("Formats", "StrassenRepro.Formats").Should()
            .OnlyContain(name => name.StartsWith("System") || name == "StrassenRepro.Crystallization"
                                 || name == "Mono.Unix");
    }
}
