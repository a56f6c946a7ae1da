using L2R.Api.Features.Agreements.ActivateDraft;
using L2R.Api.Features.Agreements.ApproveDraft;
using L2R.Api.Features.Agreements.CreateDraft;
using L2R.Api.Features.Agreements.UpdateDraft;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Calendars.UpdateCalendar;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.CreateLead;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Api.Features.Leads.SweepLeads;
using L2R.Api.Features.Leads.UpdateLead;
using L2R.Api.Features.Teams;
using L2R.Api.Features.Teams.CreateTeam;
using L2R.Api.Features.Tenants.SignUp;
using L2R.Api.Features.Users.CreateUser;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// The local demo tenant "acme": three users and about 300 leads in every stage, made by the real commands at
/// backdated instants from a fixed seed, so every lead's history, time in stage, decayed score and SLA clocks (on a
/// Berlin calendar) are genuine. A qualification team and an EMEA sales team, with routing rules in the agreement,
/// assign every MQL as it enters (a new one too, on the first run). Runs only for the embedded default database.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, RunAs runAs, ITenantScopes tenantScopes, ILogger<DemoSeeder> logger)
{
    public const string TenantSlug = "acme";
    public const string Password = "L2R-demo-2026!";
    private const int LeadCount = 300;

    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Dan", "Eva", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Ruby", "Sean", "Tara", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe"];
    private static readonly string[] LastNames = ["Anders", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Quinlan", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Young", "Zimmer"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella Health", "Stark Manufacturing", "Wayne Financial", "Tyrell Software", "Cyberdyne", "Soylent Foods", "Acme Rockets", "Hooli", "Pied Piper", "Vandelay Industries", "Wonka Confectionery"];
    private static readonly string[] Titles = ["VP Marketing", "VP Sales", "Director of Operations", "Chief Technology Officer", "Chief Financial Officer", "Marketing Manager", "Software Engineer", "IT Director", "Head of Growth", "Student", "Analyst", "Procurement Manager"];
    private static readonly string[] Industries = ["Software", "Financial Services", "Manufacturing", "Healthcare", "Retail", "Education", "Logistics"];
    private static readonly string[] Countries = ["US", "UK", "DE", "FR", "NL", "CA", "SE", "ES"];
    private static readonly string[] Sources = ["Website", "Webinar", "Paid Search", "Trade Show", "Referral", "LinkedIn"];
    private static readonly string[] Campaigns = ["Spring Launch", "Q3 Webinar Series", "ABM Enterprise", "Pricing Page Retargeting", "Partner Referral"];
    private static readonly ActivityType[] ActivityMix =
        [ActivityType.PageView, ActivityType.PageView, ActivityType.PageView, ActivityType.EmailOpen, ActivityType.EmailClick, ActivityType.ContentDownload, ActivityType.Webinar, ActivityType.FormSubmission, ActivityType.Meeting];

    public async Task SeedAsync(CancellationToken ct)
    {
        using (var probe = services.CreateScope())
        {
            if (await probe.ServiceProvider.GetRequiredService<L2RDbContext>().Tenants.AnyAsync(t => t.Slug == TenantSlug, ct))
            {
                return;
            }
        }

        var started = DateTime.UtcNow;
        var now = DateTimeOffset.UtcNow;
        var random = new Random(2026);
        Crew crew;
        using (var clock = TravellingTimeProvider.TravelTo(now.AddDays(-130)))
        {
            crew = await CreateCrewAsync(ct);
            for (var i = 0; i < LeadCount; i++)
            {
                await SeedLeadAsync(crew, random, clock, i, now.AddDays(-120 + (120.0 * i / LeadCount)), now, ct);
            }
        }

        // As the periodic sweep would have: stored scores (the board's cache) as of today, time-based moves made.
        await using (var system = tenantScopes.Open(crew.TenantId))
        {
            await system.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepLeadsCommand(), ct);
        }

        logger.LogInformation("Seeded demo tenant {Tenant} with {Leads} leads in {Seconds:0.0} s", TenantSlug, LeadCount, (DateTime.UtcNow - started).TotalSeconds);
    }

    private sealed record Crew(Guid TenantId, Guid Admin, Guid Marketing, Guid[] Sales);

    private async Task<Crew> CreateCrewAsync(CancellationToken ct)
    {
        await using var anonymous = services.CreateAsyncScope();
        var tenant = await anonymous.ServiceProvider.GetRequiredService<IMediator>().Send(new SignUpCommand("Acme", "admin@acme.test", Password, "Ada Admin", TenantSlug), ct);
        await using var admin = runAs.Open(tenant.TenantId, tenant.AdminUserId, Roles.Admin);
        var mediator = admin.ServiceProvider.GetRequiredService<IMediator>();
        var marketing = await mediator.Send(new CreateUserCommand("marketing@acme.test", "Mia Marketing", Password, [Role.Marketing]), ct);
        var sales = await mediator.Send(new CreateUserCommand("sales@acme.test", "Sam Sales", Password, [Role.Sales]), ct);
        var seller = await mediator.Send(new CreateUserCommand("sofia@acme.test", "Sofia Seller", Password, [Role.Sales]), ct);
        await mediator.Send(new UpdateCalendarCommand(DemoCalendar(DateOnly.FromDateTime(DateTime.UtcNow))), ct);
        var crew = new Crew(tenant.TenantId, tenant.AdminUserId, marketing.Id, [sales.Id, seller.Id]);
        await RouteAsync(crew, ct);
        return crew;
    }

    /// <summary>
    /// Teams and routing rules, signed off by marketing and sales like any version: enterprise leads from Europe go to
    /// EMEA sales (Sofia twice as often as Sam), every other lead to the qualification team (the other way round).
    /// </summary>
    private async Task RouteAsync(Crew crew, CancellationToken ct)
    {
        var (sam, sofia) = (crew.Sales[0], crew.Sales[1]);
        var admin = new Person(runAs, crew.TenantId, crew.Admin, Roles.Admin);
        var qualification = await admin.SendAsync(new CreateTeamCommand(new TeamRequest("Qualification", crew.Admin,
            [new TeamMemberRequest(sam, 2, 40, 25), new TeamMemberRequest(sofia, 1, 40, 25)])), ct);
        var emea = await admin.SendAsync(new CreateTeamCommand(new TeamRequest("EMEA sales", sam,
            [new TeamMemberRequest(sofia, 2, 40, 25), new TeamMemberRequest(sam, 1, 40, 25)])), ct);
        var europe = new FieldInCriterion { Id = "europe", Field = "country", Values = ["UK", "DE", "FR", "NL", "SE", "ES"], Description = "Country in Europe" };
        var enterprise = new NumberAtLeastCriterion { Id = "enterprise", Field = "companySize", Value = 200, Description = "Company size at least 200" };
        var routing = new RoutingRules
        {
            Rules =
            [
                new RoutingRule { Id = "emea-enterprise", Name = "EMEA enterprise", Conditions = [europe, enterprise], TeamId = emea.Id },
                new RoutingRule { Id = "everyone-else", Name = "Everyone else", TeamId = qualification.Id },
            ],
            FallbackTeamId = qualification.Id,
        };

        var draft = await admin.SendAsync(new CreateDraftCommand(null), ct);
        draft = await admin.SendAsync(new UpdateDraftCommand(draft.Id, draft.Agreement with { Routing = routing }, draft.Revision), ct);
        await new Person(runAs, crew.TenantId, crew.Marketing, Roles.Marketing).SendAsync(new ApproveDraftCommand(draft.Id, Role.Marketing, draft.Revision), ct);
        await new Person(runAs, crew.TenantId, sam, Roles.Sales).SendAsync(new ApproveDraftCommand(draft.Id, Role.Sales, draft.Revision), ct);
        await admin.SendAsync(new ActivateDraftCommand(draft.Id), ct);
    }

    /// <summary>Berlin office hours with the public holidays around the demo's four months, so due times skip them.</summary>
    private static UpdateCalendarRequest DemoCalendar(DateOnly today)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var holidays = new[] { (1, 1), (5, 1), (10, 3), (12, 25), (12, 26) }
            .SelectMany(d => new[] { today.Year - 1, today.Year, today.Year + 1 }.Select(year => new DateOnly(year, d.Item1, d.Item2)))
            .Where(d => Math.Abs(d.DayNumber - today.DayNumber) <= 200)
            .Order()
            .ToList();
        return new UpdateCalendarRequest("Europe/Berlin", [.. weekdays.Select(d => new WorkingDay(d, new TimeOnly(8, 30), new TimeOnly(17, 30)))], holidays);
    }

    private async Task SeedLeadAsync(Crew crew, Random random, TravellingTimeProvider.StrongBox clock, int number, DateTimeOffset createdAt, DateTimeOffset now, CancellationToken ct)
    {
        var salesRep = crew.Sales[random.Next(crew.Sales.Length)];
        var at = createdAt;
        void Later(double maxDays) => at = Min(at.AddHours(1 + (random.NextDouble() * maxDays * 24)), now.AddMinutes(-5));

        // Marketing brings the lead in; every command runs in a scope of its own, as each would be a request of its own
        // (a scope reads "now" once, so one scope for several backdated commands would judge them all at the first instant).
        var marketing = new Person(runAs, crew.TenantId, crew.Marketing, Roles.Marketing);
        clock.Now = at;
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var company = Companies[random.Next(Companies.Length)];
        var messy = random.NextDouble() < 0.08;
        var lead = (await marketing.SendAsync(new CreateLeadCommand
        {
            FirstName = first,
            LastName = last,
            Email = (messy ? $"{first}.{last}{number}@" : $"{first}.{last}.{number}@{company.Replace(" ", "")}.example").ToLowerInvariant(),
            Phone = random.NextDouble() < 0.8 ? $"+1 555 {random.Next(100, 999)} {random.Next(1000, 9999)}" : null,
            Title = Titles[random.Next(Titles.Length)],
            Company = random.NextDouble() < 0.05 ? null : company,
            Industry = Industries[random.Next(Industries.Length)],
            Country = Countries[random.Next(Countries.Length)],
            CompanySize = new[] { 15, 60, 150, 250, 600, 1500, 5000 }[random.Next(7)],
            AnnualRevenue = new[] { 1_000_000m, 5_000_000m, 20_000_000m, 80_000_000m }[random.Next(4)],
            Source = Sources[random.Next(Sources.Length)],
            Campaign = Campaigns[random.Next(Campaigns.Length)],
        }, ct)).Lead;

        var activities = random.Next(0, 9);
        for (var a = 0; a < activities && at < now.AddHours(-2); a++)
        {
            Later(6);
            clock.Now = at;
            lead = (await marketing.SendAsync(new RecordActivityCommand(lead.Id, new RecordActivityRequest(ActivityMix[random.Next(ActivityMix.Length)], at.UtcDateTime, lead.Campaign, null, null)), ct)).Lead;
        }

        if (lead.State != LeadState.MQL)
        {
            if (lead.State == LeadState.Scored && random.NextDouble() < 0.05)
            {
                Later(3);
                clock.Now = at;
                await marketing.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Disqualify, "student"), ct);
            }

            return;
        }

        // Routing gave the MQL an owner as it entered; the owner works it: most are accepted (some late, so their clocks
        // record a breach), some rejected with a reason. Only recent MQLs still wait: their clocks run on time, a few
        // warned or breached.
        var sales = new Person(runAs, crew.TenantId, lead.OwnerId ?? salesRep, Roles.Sales);
        var roll = random.NextDouble();
        if (at >= now.AddDays(-1) || (at >= now.AddDays(-3) && roll < 0.6))
        {
            return;
        }

        Later(2);
        clock.Now = at;
        if (roll < 0.45 || lead.Phone is null)
        {
            await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Reject, new[] { "not-decision-maker", "no-need", "too-early" }[random.Next(3)]), ct);
            return;
        }

        lead = (await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Accept), ct)).Lead;

        // Accepted leads still waiting for SQL are recent ones, so their two-week clocks are mostly on time.
        if (random.NextDouble() < 0.3 && at >= now.AddDays(-16))
        {
            return;
        }

        Later(5);
        clock.Now = at;
        if (random.NextDouble() < 0.15)
        {
            await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Recycle, "timing"), ct);
            return;
        }

        await sales.SendAsync(new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Budget = true, Authority = true, Need = true, Timeline = true }), ct);
        await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.QualifyForSales), ct);
        if (random.NextDouble() < 0.35)
        {
            return;
        }

        Later(7);
        clock.Now = at;
        await sales.SendAsync(new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Amount = 5_000 * random.Next(2, 40), ExpectedCloseDate = at.UtcDateTime.AddDays(45) }), ct);
        await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Convert), ct);
        if (random.NextDouble() < 0.4)
        {
            return;
        }

        Later(14);
        clock.Now = at;
        if (random.NextDouble() < 0.55)
        {
            await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Win), ct);
        }
        else
        {
            await sales.SendAsync(new FireTriggerCommand(lead.Id, LeadTrigger.Lose, new[] { "price", "competitor", "no-decision" }[random.Next(3)]), ct);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>One of the demo's people; each command is a scope of its own, like a request.</summary>
    private sealed class Person(RunAs runAs, Guid tenantId, Guid userId, Roles roles)
    {
        public async Task<T> SendAsync<T>(ICommand<T> command, CancellationToken ct)
        {
            await using var scope = runAs.Open(tenantId, userId, roles);
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
    }
}
