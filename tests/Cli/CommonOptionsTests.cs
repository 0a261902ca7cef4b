using System.CommandLine;
using StrassenRepro.Cli;

namespace StrassenRepro.Tests.Cli;

/// <summary>The shared options, parsed without running a command: their defaults and the bounds of their values.</summary>
[Trait("Category", "Fast")]
public class CommonOptionsTests
{
    private static (ParseResult Parse, Option<int> Batch, Option<int> Threads) Parse(params string[] args)
    {
        var batch = CommonOptions.BatchSize("batch", 32);
        var threads = CommonOptions.Threads();
        var command = new RootCommand { batch, threads, CommonOptions.Json() };
        return (command.Parse(args), batch, threads);
    }

    [Fact]
    public void Defaults_hold_when_the_options_are_left_out()
    {
        var (parse, batch, threads) = Parse();
        CommonOptions.BatchSizeOf(parse, batch).Should().Be(32);
        CommonOptions.ThreadsOf(parse, threads).Should().Be(0);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("65536")]
    public void A_batch_size_at_either_bound_is_taken(string value)
    {
        var (parse, batch, _) = Parse("--batch-size", value);
        CommonOptions.BatchSizeOf(parse, batch).Should().Be(int.Parse(value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65537")]
    [InlineData("-3")]
    public void A_batch_size_outside_1_to_65536_is_a_usage_error(string value)
    {
        var (parse, batch, _) = Parse("--batch-size", value);
        FluentActions.Invoking(() => CommonOptions.BatchSizeOf(parse, batch)).Should().Throw<UsageException>()
            .WithMessage($"--batch-size {value} is not in 1..65536");
    }

    [Fact]
    public void Negative_threads_are_a_usage_error()
    {
        var (parse, _, threads) = Parse("--threads", "-1");
        FluentActions.Invoking(() => CommonOptions.ThreadsOf(parse, threads)).Should().Throw<UsageException>()
            .WithMessage("--threads -1 must be >= 0");
    }

    [Fact]
    public void A_batch_size_without_a_default_is_required()
    {
        var batch = CommonOptions.BatchSize("Phase 1 batch size");
        new RootCommand { batch }.Parse([]).Errors.Should().NotBeEmpty();
    }
}
