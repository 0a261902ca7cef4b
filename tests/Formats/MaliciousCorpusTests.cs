using StrassenRepro.Crystallization;
using StrassenRepro.Formats;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class MaliciousCorpusTests
{
    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, reason) in Fixtures.MaliciousExpectations()) data.Add(file, reason);
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_malicious_file_is_refused_with_a_one_line_reason(string file, string reason)
    {
        var act = () => SchemeReader.Read(Fixtures.Malicious(file));
        var message = act.Should().Throw<SchemeFormatException>().Which.Message;
        message.Should().Contain(reason);
        message.Should().NotContain("\n").And.StartWith(Path.GetFileName(file));
        message.Length.Should().BeLessThan(400);
    }

    [Fact]
    public void The_corpus_covers_every_malicious_file_on_disk()
    {
        var listed = Fixtures.MaliciousExpectations().Select(e => e.File).ToHashSet();
        var onDisk = Directory.EnumerateFiles(Fixtures.Dir("malicious")).Select(Path.GetFileName).Where(f => f != "expected.tsv");
        onDisk.Should().OnlyContain(f => listed.Contains(f!));
        listed.Count.Should().BeGreaterThanOrEqualTo(30);
    }

    [Fact]
    public void No_payload_runs_when_the_whole_corpus_is_read()
    {
        // Each payload, unpickled by Python, runs `touch /tmp/strassen-repro-pwned/<name>`.
        using var payloads = PayloadSentinel.Acquire();
        {
            foreach (var (file, _) in Fixtures.MaliciousExpectations())
            {
                try { SchemeReader.Read(Fixtures.Malicious(file)); }
                catch (SchemeFormatException) { }
            }
            Thread.Sleep(200); // a spawned shell would have had time to touch its file
            payloads.Entries().Should().BeEmpty();
        }
    }
}
