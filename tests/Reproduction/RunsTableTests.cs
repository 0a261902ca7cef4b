using StrassenRepro.Model;
using StrassenRepro.Reproduction;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Report;
using StrassenRepro.Reproduction.Sweep;

namespace StrassenRepro.Tests.Reproduction;

[Trait("Category", "Fast")]
public class RunsTableTests
{
    private static RunsTableRow Row(string train, double delta = 0.1 + 0.2) => new()
    {
        Claims = "C1;C2",
        Protocol = "upstream",
        Seed = 87,
        BatchSize = 8,
        Lr = 0.02,
        Wd = 1e-4,
        Outcome = "unconverged",
        OutcomeAfterRecovery = "",
        Delta = delta,
        S = 0,
        PlannedSteps = 42000,
        ConfigHash = new string('a', 64),
        Train = train,
    };

    [Fact]
    public void Rows_read_back_exactly_quoted_fields_and_infinite_deltas_included()
    {
        RunsTableRow[] rows =
        [
            Row("strassen-repro train --seed 87 --set kappaSteps=3000,6000"),
            Row("say \"no\", twice", double.PositiveInfinity),
            Row("plain", 5e-324),
        ];
        var csv = RunsTable.ToCsv(rows);
        csv.Split('\n')[0].Should().Be("claims,protocol,seed,batchSize,lr,wd,outcome,outcomeAfterRecovery,delta,s,plannedSteps,configHash,train");
        csv.Should().Contain(",0.30000000000000004,").And.Contain("\"strassen-repro train --seed 87 --set kappaSteps=3000,6000\"")
            .And.Contain("\"say \"\"no\"\", twice\"").And.Contain(",Infinity,");
        RunsTable.Parse(csv).Should().Equal(rows);
    }

    [Theory]
    [InlineData("claims,protocol\nC1,upstream\n", "the header is not")]
    [InlineData("HEADER\nC1,upstream\n", "row 1: 2 fields, not 13")]
    [InlineData("HEADER\nC1,upstream,x,8,0.02,0,discrete,,0,1,1,h,t\n", "row 1:")]
    [InlineData("HEADER\nC1,\"upstream\n", "a quoted field is not closed")]
    public void A_damaged_table_is_refused_naming_its_row(string csv, string message)
    {
        var act = () => RunsTable.Parse(csv.Replace("HEADER", string.Join(',', RunsTable.Columns)));
        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void The_train_command_names_the_engine_and_only_the_settings_that_differ()
    {
        RunsTable.TrainCommand(TrainingProtocols.Upstream(3, 16) with { Lr = 0.01 }, "cpu").Should()
            .Be("strassen-repro train --protocol upstream --seed 3 --batch-size 16 --set lr=0.01 --engine cpu");
    }

    [Theory]
    [InlineData("smoke")]
    [InlineData("quick")]
    [InlineData("paper")]
    public void Every_planned_run_of_a_preset_is_given_back_by_its_train_arguments(string preset)
    {
        var plan = SweepRunner.Canonical(Reproducer.Plan(ClaimCatalog.All, StudyPreset.ByName(preset)));
        plan.Select(c => c.Protocol).Distinct().Should().HaveCountGreaterThan(2);
        foreach (var config in plan)
            TrainArguments.For(config).ToConfig().Hash().Should().Be(config.Hash(), config.ToJson());
    }
}
