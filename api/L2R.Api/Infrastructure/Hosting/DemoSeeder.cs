using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.CreateLead;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Api.Features.Leads.SweepLeads;
using L2R.Api.Features.Leads.UpdateLead;
using L2R.Api.Features.Tenants.SignUp;
using L2R.Api.Features.Users.CreateUser;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// The local demo tenant "acme": three users and about 300 leads in every stage, made by the real commands at
/// backdated instants from a fixed seed, so every lead's history, time in stage and decayed score are genuine.
/// Runs only for the embedded default database.
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
        return new Crew(tenant.TenantId, tenant.AdminUserId, marketing.Id, [sales.Id, seller.Id]);
    }

    private async Task SeedLeadAsync(Crew crew, Random random, TravellingTimeProvider.StrongBox clock, int number, DateTimeOffset createdAt, DateTimeOffset now, CancellationToken ct)
    {
        var salesRep = crew.Sales[random.Next(crew.Sales.Length)];
        var at = createdAt;
        void Later(double maxDays) => at = Min(at.AddHours(1 + (random.NextDouble() * maxDays * 24)), now.AddMinutes(-5));

        // Marketing brings the lead in; each person works in a scope of their own, as each would in a request.
        await using var marketing = runAs.Open(crew.TenantId, crew.Marketing, Roles.Marketing);
        var mediator = marketing.ServiceProvider.GetRequiredService<IMediator>();
        clock.Now = at;
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var company = Companies[random.Next(Companies.Length)];
        var messy = random.NextDouble() < 0.08;
        var lead = (await mediator.Send(new CreateLeadCommand
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
            lead = (await mediator.Send(new RecordActivityCommand(lead.Id, new RecordActivityRequest(ActivityMix[random.Next(ActivityMix.Length)], at.UtcDateTime, lead.Campaign, null, null)), ct)).Lead;
        }

        if (lead.State != LeadState.MQL)
        {
            if (lead.State == LeadState.Scored && random.NextDouble() < 0.05)
            {
                Later(3);
                clock.Now = at;
                await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Disqualify, "student"), ct);
            }

            return;
        }

        // Sales works the MQL queue: some stay waiting, most are accepted, some rejected with a reason.
        await using var sales = runAs.Open(crew.TenantId, salesRep, Roles.Sales);
        mediator = sales.ServiceProvider.GetRequiredService<IMediator>();
        var roll = random.NextDouble();
        if (roll < 0.3 || at >= now.AddDays(-1))
        {
            return;
        }

        Later(2);
        clock.Now = at;
        if (roll < 0.45 || lead.Phone is null)
        {
            await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Reject, new[] { "not-decision-maker", "no-need", "too-early" }[random.Next(3)]), ct);
            return;
        }

        lead = (await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Accept), ct)).Lead;
        if (random.NextDouble() < 0.3)
        {
            return;
        }

        Later(5);
        clock.Now = at;
        if (random.NextDouble() < 0.15)
        {
            await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Recycle, "timing"), ct);
            return;
        }

        await mediator.Send(new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Budget = true, Authority = true, Need = true, Timeline = true }), ct);
        await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.QualifyForSales), ct);
        if (random.NextDouble() < 0.35)
        {
            return;
        }

        Later(7);
        clock.Now = at;
        await mediator.Send(new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Amount = 5_000 * random.Next(2, 40), ExpectedCloseDate = at.UtcDateTime.AddDays(45) }), ct);
        await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Convert), ct);
        if (random.NextDouble() < 0.4)
        {
            return;
        }

        Later(14);
        clock.Now = at;
        if (random.NextDouble() < 0.55)
        {
            await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Win), ct);
        }
        else
        {
            await mediator.Send(new FireTriggerCommand(lead.Id, LeadTrigger.Lose, new[] { "price", "competitor", "no-decision" }[random.Next(3)]), ct);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
