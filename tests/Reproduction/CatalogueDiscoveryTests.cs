using System.Text.Json;
using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Reproduction.Discovery;

namespace StrassenRepro.Tests.Reproduction;

/// <summary>`discover --format catalogue`: each kept scheme written in the field's catalogue JSON, read back VALID.</summary>
[Trait("Category", "Fast")]
public class CatalogueDiscoveryTests
{
    [Fact]
    public void Kept_schemes_in_catalogue_json_read_back_through_the_reader_as_valid()
    {
        var dir = TempFolder.Path("discover-catalogue");
        var summary = Discoverer.Run(new DiscoverOptions
        {
            Target = new DiscoveryTarget(new Shape(2, 2, 2), 7),
            OutDir = dir,
            Threads = 1,
            Protocol = DiscoveryProtocol.Als,
            Format = SchemeFileFormat.Catalogue,
            Budget = new DiscoveryBudget(Runs: 6),
        });
        summary.Format.Should().Be(SchemeFileFormat.Catalogue);
        summary.Distinct.Should().NotBeEmpty();
        foreach (var kept in summary.Distinct)
        {
            var source = SchemeReader.Read(kept.Path);
            source.Format.Should().Be(CatalogueJson.FormatName);
            source.Ring.Should().Be(Ring.Z);
            source.Scheme.CoefficientsEqual(kept.Scheme).Should().BeTrue("the file holds the scheme that was kept");
            var verified = FileVerification.Verify(new FileVerificationRequest(kept.Path) { TransferSizes = [] }).Report;
            verified.Verdict.Should().Be("VALID");
            using var doc = JsonDocument.Parse(File.ReadAllText(kept.Path));
            doc.RootElement.TryGetProperty("shape", out _).Should().BeFalse("the catalogue names the shape n");
            doc.RootElement.GetProperty("complexity").GetInt32().Should().Be(kept.Additions);
            doc.RootElement.GetProperty("metadata").GetProperty("sharedAdditions").GetInt32().Should().Be(kept.SharedAdditions);
        }
    }
}
