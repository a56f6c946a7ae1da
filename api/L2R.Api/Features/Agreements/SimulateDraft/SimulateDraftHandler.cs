using L2R.Api.Features.Leads;
using L2R.Api.Features.Metrics;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Agreements.SimulateDraft;

public sealed class SimulateDraftHandler(L2RDbContext db, AgreementStore agreements, LeadMoves moves, DriftWatch drift) : ICommandHandler<SimulateDraftCommand, SimulationDto>
{
    private const int SampleSize = 5;
    private const int BatchSize = 5000;

    public async ValueTask<SimulationDto> Handle(SimulateDraftCommand command, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var draftRow = await db.AgreementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == command.DraftId, ct)
            ?? throw new Infrastructure.Web.NotFoundException("Agreement draft", command.DraftId);
        var draft = AgreementJson.Deserialize(draftRow.Content);
        var active = await agreements.GetActiveAsync(ct);
        var simulation = new AgreementSimulation(active.Agreement, draft);

        var impacts = new Dictionary<LeadTrigger, ImpactTally>();
        var willMove = new List<SimulationLeadDto>();
        var openLeads = 0;
        var moving = 0;
        var mqlNow = 0;
        var mqlAfter = 0;
        var routed = new Dictionary<string, int>();

        // Keyset over ids so 100,000 leads are read in bounded batches, each with its activities in one query.
        Guid? after = null;
        while (true)
        {
            var query = db.Leads.AsNoTracking().Open();
            if (after is { } last)
            {
                query = query.Where(l => l.Id > last);
            }

            var leads = await query.OrderBy(l => l.Id).Take(BatchSize).ToListAsync(ct);
            if (leads.Count == 0)
            {
                break;
            }

            after = leads[^1].Id;
            foreach (var facts in await moves.FactsOfPageAsync(leads, ct))
            {
                var lead = facts.Lead;
                openLeads++;
                var projection = simulation.Project(lead, facts.Activities, facts.Now);
                mqlNow += lead.State == LeadState.MQL ? 1 : 0;
                mqlAfter += projection.To == LeadState.MQL ? 1 : 0;
                if (!draft.Routing.IsOff && projection.To == draft.Routing.AssignOnEntry)
                {
                    // Routing conditions test who the lead is, never scores or time: the lead's fields decide the rule.
                    var rule = draft.Routing.Match(facts)?.Id ?? NoRule;
                    routed[rule] = routed.GetValueOrDefault(rule) + 1;
                }
                if (projection.Moves.Count > 0)
                {
                    moving++;
                    if (willMove.Count < SampleSize)
                    {
                        willMove.Add(Summary(lead));
                    }
                }

                foreach (var guard in projection.Guards)
                {
                    var tally = impacts.TryGetValue(guard.Trigger, out var existing) ? existing : impacts[guard.Trigger] = new ImpactTally();
                    tally.Add(guard, lead, projection.Moves.Contains(guard.Trigger));
                }
            }
        }

        var transitions = LeadWorkflow.Definitions
            .Select(d => (Definition: d, Tally: impacts.GetValueOrDefault(d.Trigger) ?? new ImpactTally()))
            .Select(x => x.Tally.ToDto(x.Definition.Trigger, x.Definition.To, draft.RuleFor(x.Definition.Trigger).AutoAdvance))
            .ToList();
        var window = await drift.WindowAsync(draft.Drift, active.Version, ct);
        var alarms = DriftCheck.Read(draft.Drift, window.Accepted, window.Rejected).Select(r => DriftReadingDto.From(r, window)).ToList();
        var routing = draft.Routing.Rules
            .Select(r => new RoutingShareDto(r.Id, string.IsNullOrWhiteSpace(r.Name) ? r.Id : r.Name, r.TeamId, routed.GetValueOrDefault(r.Id)))
            .Append(new RoutingShareDto(NoRule, "No rule matches: fallback team or unassigned", draft.Routing.FallbackTeamId, routed.GetValueOrDefault(NoRule)))
            .Where(_ => !draft.Routing.IsOff)
            .ToList();
        return new SimulationDto(draftRow.Id, draftRow.Version, active.Version, openLeads, moving, mqlNow, mqlAfter, transitions, willMove, alarms, routing, started.Elapsed.TotalMilliseconds);
    }

    private const string NoRule = "";

    private static SimulationLeadDto Summary(Lead lead) => new(lead.Id, lead.DisplayName, lead.Company, lead.State, lead.Source, lead.Campaign);

    private sealed class ImpactTally
    {
        private readonly Dictionary<string, (int NewlyPass, int NoLongerPass)> _bySource = [];
        private readonly Dictionary<string, (int NewlyPass, int NoLongerPass)> _byCampaign = [];
        private readonly List<SimulationLeadDto> _newlySample = [];
        private readonly List<SimulationLeadDto> _noLongerSample = [];
        private int _newly;
        private int _noLonger;
        private int _willMove;

        public void Add(GuardComparison guard, Lead lead, bool moves)
        {
            _willMove += moves ? 1 : 0;
            var newly = !guard.PassesNow && guard.PassesDraft;
            var noLonger = guard.PassesNow && !guard.PassesDraft;
            if (!newly && !noLonger)
            {
                return;
            }

            _newly += newly ? 1 : 0;
            _noLonger += noLonger ? 1 : 0;
            Count(_bySource, lead.Source ?? "(none)", newly);
            Count(_byCampaign, lead.Campaign ?? "(none)", newly);
            var sample = newly ? _newlySample : _noLongerSample;
            if (sample.Count < SampleSize)
            {
                sample.Add(Summary(lead));
            }
        }

        public TransitionImpactDto ToDto(LeadTrigger trigger, LeadState to, bool autoAdvance) => new(
            trigger, to, autoAdvance, _newly, _noLonger, _willMove,
            Groups(_bySource), Groups(_byCampaign), _newlySample, _noLongerSample);

        private static void Count(Dictionary<string, (int NewlyPass, int NoLongerPass)> groups, string key, bool newly)
        {
            var (n, l) = groups.GetValueOrDefault(key);
            groups[key] = newly ? (n + 1, l) : (n, l + 1);
        }

        private static List<SimulationGroupDto> Groups(Dictionary<string, (int NewlyPass, int NoLongerPass)> groups) =>
            groups.OrderByDescending(g => g.Value.NewlyPass + g.Value.NoLongerPass).ThenBy(g => g.Key)
                .Select(g => new SimulationGroupDto(g.Key, g.Value.NewlyPass, g.Value.NoLongerPass)).ToList();
    }
}
