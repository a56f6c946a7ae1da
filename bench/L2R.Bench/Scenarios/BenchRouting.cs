using System.Net;
using L2R.Bench.Infrastructure;
using L2R.Domain.Agreements;

namespace L2R.Bench.Scenarios;

/// <summary>
/// Teams and routing rules for a bulk scenario (S5, S8), made through the product's own commands: three Sales reps in
/// two teams created with <c>POST /api/teams</c>, no caps (so every lead that reaches MQL is routed to someone, not
/// queued); companies of 1,000 employees or more go to the enterprise team by weighted round robin, every other lead to
/// the general team by least loaded, which is also the fallback.
/// </summary>
/// <summary>The rules, and the team every lead of ordinary size goes to with its members (whom raw baselines assign in turn).</summary>
public sealed record BenchTeams(RoutingRules Rules, Guid GeneralTeam, IReadOnlyList<Guid> GeneralMembers, IReadOnlyList<Guid> People);

public static class BenchRouting
{
    public static async Task<BenchTeams> SetUpAsync(ApiClient api, Session admin, string tenantSlug, CancellationToken ct)
    {
        var reps = new List<Session>();
        for (var i = 0; i < 3; i++)
        {
            reps.Add(await api.AddUserAsync(admin, tenantSlug, $"Bench Router {i + 1}", ["Sales"], ct));
        }

        var enterprise = await CreateTeamAsync(api, admin, "Enterprise", reps[0], [(reps[0], 2), (reps[1], 1)], ct);
        var general = await CreateTeamAsync(api, admin, "General", reps[2], [(reps[1], 1), (reps[2], 1)], ct);
        var rules = new RoutingRules
        {
            AssignOnEntry = Domain.Leads.LeadState.MQL,
            Rules =
            [
                new RoutingRule
                {
                    Id = "enterprise",
                    Name = "Enterprise",
                    Conditions = [new NumberAtLeastCriterion { Id = "enterprise-size", Field = "companySize", Value = 1000, Description = "At least 1,000 employees" }],
                    TeamId = enterprise,
                    Distribution = Distribution.WeightedRoundRobin,
                },
                new RoutingRule { Id = "everyone-else", Name = "Everyone else", TeamId = general, Distribution = Distribution.LeastLoaded },
            ],
            FallbackTeamId = general,
        };
        return new BenchTeams(rules, general, [reps[1].UserId, reps[2].UserId], [.. reps.Select(r => r.UserId)]);
    }

    private static async Task<Guid> CreateTeamAsync(ApiClient api, Session admin, string name, Session lead, (Session Rep, int Weight)[] members, CancellationToken ct)
    {
        var team = await api.SendAsync(HttpMethod.Post, "/api/teams", admin, new
        {
            name,
            leadUserId = lead.UserId,
            members = members.Select(m => new { userId = m.Rep.UserId, weight = m.Weight, maxOpenLeads = (int?)null, maxNewLeadsPerDay = (int?)null }).ToArray(),
        }, HttpStatusCode.Created, ct);
        return Guid.Parse(team["id"]!.GetValue<string>());
    }
}
