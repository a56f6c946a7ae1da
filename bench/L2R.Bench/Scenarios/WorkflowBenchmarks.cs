using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Bench.Scenarios;

public sealed record WorkflowResult(string Method, LeadState State, double MedianNs, double MeanNs, long? AllocatedBytes);

/// <summary>
/// S3: what one command pays for the agreement being data: build the lead's Stateless machine from the default
/// agreement and evaluate every guard of every move from the lead's stage (<see cref="LeadWorkflow.Options"/>), against
/// the same answer from a hand-written switch. In-process and short (BenchmarkDotNet's ShortRun) so the bench stays quick.
/// </summary>
[MemoryDiagnoser]
public class WorkflowBenchmarks
{
    private LeadAgreement _agreement = null!;
    private LeadFacts _facts = null!;
    private Actor _actor = null!;

    [Params(LeadState.Scored, LeadState.MQL, LeadState.Nurture, LeadState.SalesAccepted)]
    public LeadState State { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _agreement = DefaultAgreement.Create();
        (_facts, _actor) = SampleLead(State);
        var machine = new LeadWorkflow(_agreement, _facts, _actor).Options();
        var switched = HandWrittenGuards.Options(_facts, _actor, _agreement.Reasons);
        if (!machine.Select(Shape).SequenceEqual(switched.Select(Shape)))
        {
            throw new InvalidOperationException($"The hand-written switch disagrees with the agreement in {State}.");
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<TransitionOption> HandWritten() => HandWrittenGuards.Options(_facts, _actor, _agreement.Reasons);

    [Benchmark]
    public IReadOnlyList<TransitionOption> Workflow() => new LeadWorkflow(_agreement, _facts, _actor).Options();

    public static (LeadFacts Facts, Actor Actor) SampleLead(LeadState state)
    {
        var now = DateTime.UtcNow;
        var lead = new Lead
        {
            TenantId = Guid.NewGuid(),
            State = state,
            FirstName = "Vera",
            LastName = "Vance",
            Email = "vera@globex.example",
            Phone = "+1 555 010 2020",
            Title = "VP Operations",
            Company = "Globex",
            Industry = "Software",
            CompanySize = 500,
            OwnerId = Guid.NewGuid(),
            Budget = true,
            Authority = true,
            Need = false,
            Timeline = true,
            FitScore = 45,
            EngagementScore = 27,
            TotalScore = 72,
            CreatedAt = now.AddDays(-40),
            UpdatedAt = now.AddDays(-1),
            StageEnteredAt = now.AddDays(-20),
        };
        var activities = new List<ActivityFact>
        {
            new(ActivityType.Meeting, now.AddDays(-3), "Spring"),
            new(ActivityType.EmailOpen, now.AddDays(-10), "Spring"),
            new(ActivityType.Webinar, now.AddDays(-35), "Winter"),
        };
        return (new LeadFacts(lead, activities, now), Actor.User(Guid.NewGuid(), Roles.Sales | Roles.Marketing));
    }

    public static IReadOnlyList<WorkflowResult> Run(string artifactsPath, bool verbose)
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.DontLogOutput).WithId("ShortRun-InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(verbose ? ConsoleLogger.Default : NullLogger.Instance)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run<WorkflowBenchmarks>(config);
        return summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .Select(r => new WorkflowResult(
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                (LeadState)r.BenchmarkCase.Parameters["State"],
                r.ResultStatistics!.Median,
                r.ResultStatistics.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)))
            .ToList();
    }

    private static string Shape(TransitionOption o) =>
        $"{o.Trigger}>{o.To}:{o.RoleAllowed}:{o.AutoAdvance}:{o.ReasonList}:{o.Reasons.Count}:" +
        string.Join(',', o.Criteria.Select(c => $"{c.Id}={c.Passed}|{c.Description}|{c.Actual}"));
}
