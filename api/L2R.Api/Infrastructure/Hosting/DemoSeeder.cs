using L2R.Api.Features.Agreements.ActivateDraft;
using L2R.Api.Features.Agreements.ApproveDraft;
using L2R.Api.Features.Agreements.CreateDraft;
using L2R.Api.Features.Agreements.GetOpenDraft;
using L2R.Api.Features.Agreements.RunActivation;
using L2R.Api.Features.Agreements.UpdateDraft;
using L2R.Api.Features.Calendars;
using L2R.Api.Features.Calendars.UpdateCalendar;
using L2R.Api.Features.Intel;
using L2R.Api.Features.Intel.AddTag;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Leads.CreateLead;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Api.Features.Leads.SweepLeads;
using L2R.Api.Features.Leads.UpdateLead;
using L2R.Api.Features.Reviews;
using L2R.Api.Features.Reviews.AddReviewAction;
using L2R.Api.Features.Reviews.AddReviewNote;
using L2R.Api.Features.Reviews.GenerateBrief;
using L2R.Api.Features.Reviews.ListReviews;
using L2R.Api.Features.Reviews.PrepareDueBriefs;
using L2R.Api.Features.Reviews.RecordDecision;
using L2R.Api.Features.Reviews.UpdateReviewAction;
using L2R.Api.Features.Reviews.UpdateReviewCadence;
using L2R.Api.Features.Teams;
using L2R.Api.Features.Teams.CreateTeam;
using L2R.Api.Features.Tenants.SignUp;
using L2R.Api.Features.Users.CreateUser;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using L2R.Domain.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// The local demo tenant "acme": four people and about six months of leads, made by the real commands at backdated
/// instants from a fixed seed, so every lead's history, time in stage, decayed score and SLA clocks (on a Berlin
/// calendar) are genuine. Work happens in
/// the order of its instants across all leads, so the agreement the team signs half-way (version 3, which weighs a
/// decision maker's title above company size after sales kept rejecting "not a decision maker") judges exactly the
/// moves after its activation, and the metrics tell that story. From the start, a qualification team and an EMEA
/// sales team, with routing rules in the agreement (version 2), assign every MQL as it enters, and its owner works it.
/// Marketing and sales meet fortnightly: two past reviews with their briefs, agenda, comments, decisions and actions
/// (the second one's decisions raised the title weights: the draft that became version 3), and the next review's
/// brief is ready. Reps tag what they hear when they reject, recycle, qualify (on the call before it) and lose leads:
/// HubSpot and Salesforce come up all along, Pipedrive more and more in the last weeks.
/// Runs only for the embedded default database.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, RunAs runAs, ITenantScopes tenantScopes, ILogger<DemoSeeder> logger)
{
    public const string TenantSlug = "acme";
    public const string Password = "L2R-demo-2026!";
    private const int Days = 182;
    private const int LeadCount = 300;
    private const int SecondVersionDay = 95;

    /// <summary>The first review meets on this day (10:00 Berlin), the second a fortnight later, the day before version 3.</summary>
    private const int FirstReviewDay = 80;

    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Dan", "Eva", "Finn", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo", "Maya", "Noah", "Olivia", "Paul", "Quinn", "Ruby", "Sean", "Tara", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe"];
    private static readonly string[] LastNames = ["Anders", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Quinlan", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Weber", "Young", "Zimmer"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella Health", "Stark Manufacturing", "Wayne Financial", "Tyrell Software", "Cyberdyne", "Soylent Foods", "Acme Rockets", "Hooli", "Pied Piper", "Vandelay Industries", "Wonka Confectionery"];
    private static readonly string[] DecisionMakers = ["VP Marketing", "VP Sales", "Director of Operations", "Chief Technology Officer", "Chief Financial Officer", "IT Director"];
    private static readonly string[] Staff = ["Marketing Manager", "Software Engineer", "Head of Growth", "Analyst", "Procurement Manager", "Student"];
    private static readonly string[] Industries = ["Software", "Financial Services", "Manufacturing", "Healthcare", "Retail", "Education", "Logistics"];
    private static readonly string[] Countries = ["US", "UK", "DE", "FR", "NL", "CA", "SE", "ES"];
    private static readonly string[] Campaigns = ["Spring Launch", "Q3 Webinar Series", "ABM Enterprise", "Pricing Page Retargeting", "Partner Referral"];
    private static readonly ActivityType[] ActivityMix =
        [ActivityType.PageView, ActivityType.EmailClick, ActivityType.ContentDownload, ActivityType.Webinar, ActivityType.Webinar, ActivityType.FormSubmission, ActivityType.FormSubmission, ActivityType.Meeting];

    /// <summary>How many activities a new lead records: most a few, some none.</summary>
    private static readonly int[] ActivityCounts = [0, 1, 2, 2, 3, 3, 4, 5];
    private static readonly string[] RejectNotes = ["Forwards everything to their manager", "Just researching for a school project", "Asked us to call back next year", "Already talking to our partner"];

    /// <summary>The tenant's tag lists; a competitor's two weights are its share of mentions before and during the last four weeks.</summary>
    private static readonly (string Label, int Before, int Lately)[] Competitors = [("HubSpot", 5, 3), ("Salesforce", 4, 2), ("Pipedrive", 1, 8), ("Zoho CRM", 1, 1), ("Monday.com", 1, 2)];
    private static readonly string[] Pains = ["Manual reporting", "Leads slip through the cracks", "No single view of the pipeline", "Slow follow-up on inbound leads", "Marketing and sales disagree on lead quality", "Compliance paperwork"];
    private static readonly string[] Objections = ["Too expensive", "Already have a CRM", "Not the right time", "Integration effort", "Needs a security review"];
    private static readonly string[] Questions = ["Does it integrate with Slack?", "Can we import from HubSpot?", "Is there an EU data centre?", "How long does onboarding take?", "Do you support SSO?"];

    /// <summary>The pain each industry names most often (the others come up too).</summary>
    private static readonly Dictionary<string, string> IndustryPains = new()
    {
        ["Software"] = "No single view of the pipeline", ["Financial Services"] = "Compliance paperwork", ["Manufacturing"] = "Manual reporting",
        ["Healthcare"] = "Compliance paperwork", ["Retail"] = "Slow follow-up on inbound leads", ["Education"] = "Leads slip through the cracks", ["Logistics"] = "Manual reporting",
    };

    private static readonly string[] IntelNotes = ["Comparing us with {0} this quarter", "Their team already tried {0}", "Said {0} quoted them less", "Wants a demo side by side with {0}", "Board asked them to look at {0}"];

    /// <summary>Where leads come from and how good they tend to be: the share with a decision maker's title and with a large company.</summary>
    private static readonly (string Source, double DecisionMakers, double Large)[] Sources =
    [
        ("Trade Show", 0.6, 0.7), ("Referral", 0.55, 0.65), ("Webinar", 0.4, 0.55), ("Website", 0.35, 0.5), ("LinkedIn", 0.3, 0.45), ("Paid Search", 0.15, 0.4),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await tenantScopes.ReadAcrossTenantsAsync(db => db.Tenants.AnyAsync(t => t.Slug == TenantSlug, ct)))
        {
            return;
        }

        var started = DateTime.UtcNow;
        var now = DateTimeOffset.UtcNow;
        var origin = now.AddDays(-Days);
        Crew crew;
        using (var clock = TravellingTimeProvider.TravelTo(origin))
        {
            crew = await CreateCrewAsync(ct);
            var tags = await CreateTagListsAsync(crew, ct);

            // Intel draws from its own seed, so the leads' stories stay those the metrics and their tests know.
            var demo = new Demo(crew, new Calendar(clock, now.AddMinutes(-5)), new Random(2026), ct, tags, new Random(14));
            for (var i = 0; i < LeadCount; i++)
            {
                var number = i;
                demo.Calendar.At(origin.AddDays((Days - 1.0) * i / LeadCount), () => NewLeadAsync(demo, number));
            }

            PlanReviews(demo, origin);
            demo.Calendar.At(origin.AddDays(SecondVersionDay), () => AgreeOnSecondVersionAsync(demo));
            await demo.Calendar.RunAsync();
        }

        // As the periodic sweep would have: stored scores (the board's cache) as of today, time-based moves made.
        await using (var system = tenantScopes.Open(crew.TenantId))
        {
            await system.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepLeadsCommand(), ct);
        }

        await PrepareNextReviewAsync(crew, ct);

        logger.LogInformation("Seeded demo tenant {Tenant} with {Leads} leads over {Days} days in {Seconds:0.0} s", TenantSlug, LeadCount, Days, (DateTime.UtcNow - started).TotalSeconds);
    }

    private sealed record Crew(Guid TenantId, Guid Admin, Guid Marketing, Guid[] Sales);

    private sealed record Demo(Crew Crew, Calendar Calendar, Random Random, CancellationToken Ct, DemoTags Tags, Random Heard);

    private sealed record DemoTags(Dictionary<string, Guid> Competitors, Dictionary<string, Guid> Pains, Guid[] Objections, Guid[] Questions);

    /// <summary>A lead as the seeder follows it: who works it, what sales will think of it, where it stands.</summary>
    private sealed class DemoLead(Guid id, Guid rep, bool decisionMaker, bool hasPhone)
    {
        public Guid Id { get; } = id;

        /// <summary>Who works the lead: its owner once routing has assigned it.</summary>
        public Guid Rep { get; set; } = rep;
        public bool DecisionMaker { get; } = decisionMaker;
        public bool HasPhone { get; } = hasPhone;
        public LeadState State { get; set; } = LeadState.Raw;
        public bool AwaitingDecision { get; set; }
        public string Industry { get; init; } = "";
        public string Campaign { get; init; } = "";
    }

    /// <summary>Runs the demo's work in the order of its instants, whatever order it was planned in, with the clock set to each instant; nothing is planned after the end.</summary>
    private sealed class Calendar(TravellingTimeProvider.StrongBox clock, DateTimeOffset end)
    {
        private readonly PriorityQueue<Func<Task>, (DateTimeOffset At, long Order)> _work = new();
        private long _planned;

        public DateTimeOffset Now => clock.Now;

        public DateTimeOffset End => end;

        public void At(DateTimeOffset at, Func<Task> work)
        {
            if (at < end)
            {
                _work.Enqueue(work, (at, _planned++));
            }
        }

        public void In(TimeSpan delay, Func<Task> work) => At(clock.Now + delay, work);

        public async Task RunAsync()
        {
            while (_work.TryDequeue(out var work, out var when))
            {
                clock.Now = when.At;
                await work();
            }
        }
    }

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
        Task<T> AsAdminAsync<T>(ICommand<T> command) => AsAsync(crew.TenantId, crew.Admin, Roles.Admin, command, ct);
        var qualification = await AsAdminAsync(new CreateTeamCommand(new TeamRequest("Qualification", crew.Admin,
            [new TeamMemberRequest(sam, 2, 40, 25), new TeamMemberRequest(sofia, 1, 40, 25)])));
        var emea = await AsAdminAsync(new CreateTeamCommand(new TeamRequest("EMEA sales", sam,
            [new TeamMemberRequest(sofia, 2, 40, 25), new TeamMemberRequest(sam, 1, 40, 25)])));
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

        var draft = await AsAdminAsync(new CreateDraftCommand(null));
        draft = await AsAdminAsync(new UpdateDraftCommand(draft.Id, draft.Agreement with { Routing = routing, Scorecard = SharedGoals }, draft.Revision));
        await AsAsync(crew.TenantId, crew.Marketing, Roles.Marketing, new ApproveDraftCommand(draft.Id, Role.Marketing, draft.Revision), ct);
        await AsAsync(crew.TenantId, sam, Roles.Sales, new ApproveDraftCommand(draft.Id, Role.Sales, draft.Revision), ct);
        var activation = await AsAdminAsync(new ActivateDraftCommand(draft.Id));
        await AsAdminAsync(new RunActivationCommand(activation.Id));
    }

    /// <summary>Berlin office hours with the public holidays around the demo's six months, so due times skip them.</summary>
    private static UpdateCalendarRequest DemoCalendar(DateOnly today)
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var holidays = new[] { (1, 1), (5, 1), (10, 3), (12, 25), (12, 26) }
            .SelectMany(d => new[] { today.Year - 1, today.Year, today.Year + 1 }.Select(year => new DateOnly(year, d.Item1, d.Item2)))
            .Where(d => Math.Abs(d.DayNumber - today.DayNumber) <= Days + 20)
            .Order()
            .ToList();
        return new UpdateCalendarRequest("Europe/Berlin", [.. weekdays.Select(d => new WorkingDay(d, new TimeOnly(8, 30), new TimeOnly(17, 30)))], holidays);
    }

    /// <summary>Each command runs in a scope of its own, as each would be a request of its own (a scope reads "now" once).</summary>
    private Task<T> AsAsync<T>(Demo demo, Guid userId, Roles roles, ICommand<T> command) => AsAsync(demo.Crew.TenantId, userId, roles, command, demo.Ct);

    private async Task<T> AsAsync<T>(Guid tenantId, Guid userId, Roles roles, ICommand<T> command, CancellationToken ct)
    {
        await using var scope = runAs.Open(tenantId, userId, roles);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
    }

    private Task<LeadMovesDto> AsSalesAsync(Demo demo, DemoLead lead, ICommand<LeadMovesDto> command) => AsAsync(demo, lead.Rep, Roles.Sales, command);

    private async Task NewLeadAsync(Demo demo, int number)
    {
        var random = demo.Random;
        var (source, decisionMakers, large) = Sources[random.Next(Sources.Length)];
        var decisionMaker = random.NextDouble() < decisionMakers;
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var company = Companies[random.Next(Companies.Length)];
        var messy = random.NextDouble() < 0.06;
        var hasPhone = random.NextDouble() < 0.9;
        var created = (await AsAsync(demo, demo.Crew.Marketing, Roles.Marketing, new CreateLeadCommand
        {
            FirstName = first,
            LastName = last,
            Email = (messy ? $"{first}.{last}{number}@" : $"{first}.{last}.{number}@{company.Replace(" ", "")}.example").ToLowerInvariant(),
            Phone = hasPhone ? $"+1 555 {random.Next(100, 999)} {random.Next(1000, 9999)}" : null,
            Title = decisionMaker ? DecisionMakers[random.Next(DecisionMakers.Length)] : Staff[random.Next(Staff.Length)],
            Company = random.NextDouble() < 0.04 ? null : company,
            Industry = Industries[random.Next(Industries.Length)],
            Country = Countries[random.Next(Countries.Length)],
            CompanySize = random.NextDouble() < large ? new[] { 250, 600, 1500, 5000 }[random.Next(4)] : new[] { 15, 60, 150 }[random.Next(3)],
            AnnualRevenue = new[] { 1_000_000m, 5_000_000m, 20_000_000m, 80_000_000m }[random.Next(4)],
            Source = source,
            Campaign = Campaigns[random.Next(Campaigns.Length)],
        })).Lead;
        var lead = new DemoLead(created.Id, demo.Crew.Sales[random.Next(demo.Crew.Sales.Length)], decisionMaker, hasPhone)
        {
            State = created.State, Industry = created.Industry ?? "", Campaign = created.Campaign ?? "",
        };

        // Engagement builds over the following days; a lead with little of it stays Scored, as many do.
        var at = demo.Calendar.Now;
        for (var a = ActivityCounts[random.Next(ActivityCounts.Length)]; a > 0; a--)
        {
            at = at.AddHours(2 + (random.NextDouble() * 96));
            demo.Calendar.At(at, () => EngageAsync(demo, lead));
        }

        if (created.Title == "Student" && random.NextDouble() < 0.25)
        {
            demo.Calendar.At(at.AddDays(1 + (random.NextDouble() * 4)), () => DisqualifyStudentAsync(demo, lead));
        }
    }

    private async Task EngageAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        var at = demo.Calendar.Now.UtcDateTime;
        var activity = new RecordActivityRequest(ActivityMix[random.Next(ActivityMix.Length)], at, null, null, null);
        var recorded = (await AsAsync(demo, demo.Crew.Marketing, Roles.Marketing, new RecordActivityCommand(lead.Id, activity))).Lead;
        lead.State = recorded.State;
        lead.Rep = recorded.OwnerId ?? lead.Rep;
        if (lead.State == LeadState.MQL && !lead.AwaitingDecision)
        {
            lead.AwaitingDecision = true;
            demo.Calendar.In(TimeSpan.FromHours(1 + (random.NextDouble() * 100)), () => DecideAsync(demo, lead));
        }
    }

    private async Task DisqualifyStudentAsync(Demo demo, DemoLead lead)
    {
        if (lead.State is LeadState.Raw or LeadState.Scored)
        {
            lead.State = (await AsAsync(demo, demo.Crew.Marketing, Roles.Marketing, new FireTriggerCommand(lead.Id, LeadTrigger.Disqualify, "student"))).Lead.State;
        }
    }

    /// <summary>
    /// Sales works the MQL queue: it takes decision makers it can call, and sends most of the rest back with a reason.
    /// Only MQLs of the last days still wait with the owner routing gave them: their SLA clocks run, a few warned or breached.
    /// </summary>
    private Task DecideAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        lead.AwaitingDecision = false;
        return demo.Calendar.Now >= demo.Calendar.End.AddDays(-3) && random.NextDouble() < 0.6 ? Task.CompletedTask : DecideNowAsync(demo, lead);
    }

    private async Task DecideNowAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;

        var accept = lead.HasPhone && random.NextDouble() < (lead.DecisionMaker ? 0.9 : 0.3);
        if (accept)
        {
            lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Accept))).Lead.State;
            demo.Calendar.In(TimeSpan.FromDays(1 + (random.NextDouble() * 9)), () => WorkAcceptedAsync(demo, lead));
            return;
        }

        var reason = !lead.HasPhone ? "bad-contact-data"
            : !lead.DecisionMaker && random.NextDouble() < 0.75 ? "not-decision-maker"
            : new[] { "no-need", "too-early", "existing-customer" }[random.Next(3)];
        var note = random.NextDouble() < 0.25 ? RejectNotes[random.Next(RejectNotes.Length)] : null;
        lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Reject, reason, note, Intel: Heard(demo, lead, 0.7)))).Lead.State;
        MaybeReengage(demo, lead);
    }

    private async Task WorkAcceptedAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        var roll = random.NextDouble();

        // Accepted leads left waiting for SQL are recent ones, so their two-week clocks are mostly on time.
        var recent = demo.Calendar.Now >= demo.Calendar.End.AddDays(-16);
        if (roll < 0.55 || (roll >= 0.72 && !recent))
        {
            await AsSalesAsync(demo, lead, new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Budget = true, Authority = true, Need = true, Timeline = true }));
            if (Heard(demo, lead, 0.85) is { } heard)
            {
                var call = new RecordActivityRequest(ActivityType.Call, demo.Calendar.Now.UtcDateTime, null, null, "Qualification call", heard);
                await AsAsync(demo, lead.Rep, Roles.Sales, new RecordActivityCommand(lead.Id, call));
            }

            lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.QualifyForSales))).Lead.State;
            demo.Calendar.In(TimeSpan.FromDays(3 + (random.NextDouble() * 17)), () => ConvertAsync(demo, lead));
        }
        else if (roll < 0.72)
        {
            var reason = new[] { "timing", "no-budget", "unresponsive" }[random.Next(3)];
            lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Recycle, reason, Intel: Heard(demo, lead, 0.6)))).Lead.State;
            MaybeReengage(demo, lead);
        }
    }

    private async Task ConvertAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        if (random.NextDouble() < 0.35)
        {
            return;
        }

        var closeDate = demo.Calendar.Now.UtcDateTime.AddDays(45);
        await AsSalesAsync(demo, lead, new UpdateLeadCommand(lead.Id, null, new UpdateLeadRequest { Amount = 5_000 * random.Next(2, 40), ExpectedCloseDate = closeDate }));
        lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Convert))).Lead.State;
        demo.Calendar.In(TimeSpan.FromDays(10 + (random.NextDouble() * 35)), () => CloseAsync(demo, lead));
    }

    private async Task CloseAsync(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        var roll = random.NextDouble();
        if (roll < 0.45)
        {
            lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Win))).Lead.State;
        }
        else if (roll < 0.9)
        {
            var reason = new[] { "price", "competitor", "no-decision", "features" }[random.Next(4)];
            var heard = Heard(demo, lead, reason == "competitor" ? 1 : 0.7, lost: reason == "competitor");
            lead.State = (await AsSalesAsync(demo, lead, new FireTriggerCommand(lead.Id, LeadTrigger.Lose, reason, Intel: heard))).Lead.State;
        }
    }

    /// <summary>Some leads sent back to nurture engage again weeks later: the recorded activity re-engages them by itself, and they may qualify once more.</summary>
    private void MaybeReengage(Demo demo, DemoLead lead)
    {
        var random = demo.Random;
        if (random.NextDouble() < 0.3)
        {
            var at = demo.Calendar.Now.AddDays(15 + (random.NextDouble() * 25));
            demo.Calendar.At(at, () => EngageAsync(demo, lead));
            demo.Calendar.At(at.AddDays(1 + (random.NextDouble() * 5)), () => EngageAsync(demo, lead));
        }
    }

    /// <summary>The tag lists an Admin starts the tenant with; reps add to them as they go.</summary>
    private async Task<DemoTags> CreateTagListsAsync(Crew crew, CancellationToken ct)
    {
        async Task<Dictionary<string, Guid>> ListAsync(IntelKind kind, IEnumerable<string> labels)
        {
            var ids = new Dictionary<string, Guid>();
            foreach (var label in labels)
            {
                ids[label] = (await AsAsync(crew.TenantId, crew.Admin, Roles.Admin, new AddTagCommand(new AddTagRequest(kind, label)), ct)).Tag.Id;
            }

            return ids;
        }

        return new DemoTags(
            await ListAsync(IntelKind.Competitor, Competitors.Select(c => c.Label)),
            await ListAsync(IntelKind.Pain, Pains),
            [.. (await ListAsync(IntelKind.Objection, Objections)).Values],
            [.. (await ListAsync(IntelKind.Question, Questions)).Values]);
    }

    /// <summary>
    /// What the rep heard, with the given chance of having anything to tag: a competitor on most (Pipedrive rising in
    /// the last four weeks, always one on a deal lost to a competitor), the pain the lead's industry tends to name, now
    /// and then an objection, a question and how the campaign's message landed, and a note on some.
    /// </summary>
    private static IntelRequest? Heard(Demo demo, DemoLead lead, double chance, bool lost = false)
    {
        var random = demo.Heard;
        if (random.NextDouble() >= chance)
        {
            return null;
        }

        var lately = demo.Calendar.Now >= demo.Calendar.End.AddDays(-28);
        string? competitor = null;
        if (lost || random.NextDouble() < 0.75)
        {
            var weights = Competitors.Select(c => lately ? c.Lately : c.Before).ToArray();
            var pick = random.Next(weights.Sum());
            var index = 0;
            while (pick >= weights[index])
            {
                pick -= weights[index++];
            }

            competitor = Competitors[index].Label;
        }

        string? pain = random.NextDouble() < 0.6
            ? random.NextDouble() < 0.6 && IndustryPains.TryGetValue(lead.Industry, out var usual) ? usual : Pains[random.Next(Pains.Length)]
            : null;
        MessageVerdict? verdict = random.NextDouble() < 0.35
            ? lead.Campaign switch
            {
                "ABM Enterprise" or "Partner Referral" => random.NextDouble() < 0.7 ? MessageVerdict.Resonated : MessageVerdict.Confused,
                "Pricing Page Retargeting" => random.NextDouble() < 0.6 ? MessageVerdict.FellFlat : MessageVerdict.Confused,
                _ => (MessageVerdict)random.Next(3),
            }
            : null;
        return new IntelRequest(
            Competitors: competitor is null ? null : [demo.Tags.Competitors[competitor]],
            Pains: pain is null ? null : [demo.Tags.Pains[pain]],
            Objections: random.NextDouble() < 0.3 ? [demo.Tags.Objections[random.Next(demo.Tags.Objections.Length)]] : null,
            Questions: random.NextDouble() < 0.3 ? [demo.Tags.Questions[random.Next(demo.Tags.Questions.Length)]] : null,
            Reception: verdict is { } v ? new MessageReceptionRequest(null, v) : null,
            Note: competitor is not null && random.NextDouble() < 0.3 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, IntelNotes[random.Next(IntelNotes.Length)], competitor) : null);
    }

    /// <summary>
    /// The goals both teams sign with the routing version and keep in version 3: the Metrics page and the review briefs
    /// show each against its target from the start of the demo's history.
    /// </summary>
    private static readonly Scorecard SharedGoals = new()
    {
        Goals =
        [
            new ScorecardGoal { Id = "mql-acceptance", Measure = ScorecardMeasure.MqlAcceptanceRate, Target = 0.6 },
            new ScorecardGoal { Id = "first-response", Measure = ScorecardMeasure.MedianHoursToFirstResponse, Target = 4 },
            new ScorecardGoal { Id = "sql-to-opportunity", Measure = ScorecardMeasure.SqlToOpportunityRate, Target = 0.4, MinimumSample = 5 },
        ],
    };

    /// <summary>
    /// The joint review's history: the admin sets a fortnightly cadence (the calendar is Berlin's); each review gets its
    /// scheduled brief the day before, agenda items and comments, then decisions and actions at the meeting. At the
    /// second one marketing brings the reasons report: most rejections say "not a decision maker", disputing the title
    /// rules, and the admin records the decisions that raise the title weights, which start draft 3.
    /// </summary>
    private void PlanReviews(Demo demo, DateTimeOffset origin)
    {
        var crew = demo.Crew;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById(DemoCalendar(DateOnly.FromDateTime(DateTime.UtcNow)).TimeZone);
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(origin.AddDays(FirstReviewDay), berlin).DateTime);
        var cadence = new ReviewCadence(firstDate.DayOfWeek, 2, firstDate, new TimeOnly(10, 0));
        var first = cadence.At(firstDate, berlin);
        var second = cadence.At(firstDate.AddDays(14), berlin);
        Guid firstId = Guid.Empty, secondId = Guid.Empty, followUp = Guid.Empty;

        demo.Calendar.At(first.StartsAt.AddDays(-5), () => AsAsync(demo, crew.Admin, Roles.Admin, new UpdateReviewCadenceCommand(
            new UpdateReviewCadenceRequest(cadence.Weekday, cadence.EveryWeeks, cadence.FirstDate, cadence.LocalTime, [crew.Admin, crew.Marketing, crew.Sales[0]], null, null))));
        demo.Calendar.At(first.BriefDueAt.AddHours(1), async () => firstId = (await PrepareBriefAsync(demo)).ReviewId!.Value);
        demo.Calendar.At(first.BriefDueAt.AddHours(9), () => AsAsync(demo, crew.Marketing, Roles.Marketing, new AddReviewNoteCommand(firstId, ReviewNoteKind.AgendaItem, "Webinar leads: good fit, but are they ready to talk?")));
        demo.Calendar.At(first.BriefDueAt.AddHours(11), () => AsAsync(demo, crew.Sales[0], Roles.Sales, new AddReviewNoteCommand(firstId, ReviewNoteKind.AgendaItem, "Too many MQLs whose contact is not the buyer")));
        demo.Calendar.At(first.BriefDueAt.AddHours(12), () => AsAsync(demo, crew.Marketing, Roles.Marketing, new AddReviewNoteCommand(firstId, ReviewNoteKind.Comment, "I will bring the reasons report by clause next time.")));
        demo.Calendar.At(first.StartsAt.AddMinutes(50), async () =>
        {
            await AsAsync(demo, crew.Marketing, Roles.Marketing, new RecordDecisionCommand(firstId, "Sales notes who the real buyer is when rejecting for \"not a decision maker\"", null));
            followUp = (await AsAsync(demo, crew.Admin, Roles.Admin, new AddReviewActionCommand(firstId,
                new ReviewActionRequest("Reasons report by disputed clause for the next review", crew.Marketing, DateOnly.FromDateTime(second.BriefDueAt), null, null)))).Id;
            await AsAsync(demo, crew.Admin, Roles.Admin, new AddReviewActionCommand(firstId,
                new ReviewActionRequest("Ask the webinar partner for job titles in the sign-up form", crew.Marketing, firstDate.AddDays(28), null, null)));
        });
        demo.Calendar.At(second.BriefDueAt.AddHours(-6), () => AsAsync(demo, crew.Marketing, Roles.Marketing, new UpdateReviewActionCommand(firstId, followUp,
            new ReviewActionRequest("Reasons report by disputed clause for the next review", crew.Marketing, DateOnly.FromDateTime(second.BriefDueAt), ReviewActionStatus.Done, null))));
        demo.Calendar.At(second.BriefDueAt.AddHours(1), async () => secondId = (await PrepareBriefAsync(demo)).ReviewId!.Value);
        demo.Calendar.At(second.BriefDueAt.AddHours(10), () => AsAsync(demo, crew.Marketing, Roles.Marketing, new AddReviewNoteCommand(secondId, ReviewNoteKind.AgendaItem, "\"Not a decision maker\" disputes our title rules: weigh titles above company size?")));
        demo.Calendar.At(second.BriefDueAt.AddHours(13), () => AsAsync(demo, crew.Sales[0], Roles.Sales, new AddReviewNoteCommand(secondId, ReviewNoteKind.Comment, "Yes: a VP at a small company beats an analyst at a large one.")));
        demo.Calendar.At(second.StartsAt.AddMinutes(45), async () =>
        {
            foreach (var (rule, points) in new[] { ("title-vp", 25), ("title-director", 20), ("title-chief", 30) })
            {
                await AsAsync(demo, crew.Admin, Roles.Admin, new RecordDecisionCommand(secondId, null, new SetRulePointsChange(ScoringRuleKind.Fit, rule, points)));
            }

            await AsAsync(demo, crew.Admin, Roles.Admin, new AddReviewActionCommand(secondId,
                new ReviewActionRequest("Watch MQL acceptance under the new title weights", crew.Sales[0], firstDate.AddDays(42), null, null)));
        });
    }

    /// <summary>The scheduled pass of the brief job, as the job would have made it at this instant.</summary>
    private Task<PrepareDueBriefsResult> PrepareBriefAsync(Demo demo) => AsAsync(demo, demo.Crew.Admin, Roles.Admin, new PrepareDueBriefsCommand());

    /// <summary>The next review is known and its brief ready to read, whether or not the day before has come yet.</summary>
    private async Task PrepareNextReviewAsync(Crew crew, CancellationToken ct)
    {
        var next = (await AsAsync(crew.TenantId, crew.Marketing, Roles.Marketing, new PrepareDueBriefsCommand(), ct)).ReviewId;
        if (next is null)
        {
            await using var scope = runAs.Open(crew.TenantId, crew.Marketing, Roles.Marketing);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var upcoming = (await mediator.Send(new ListReviewsQuery(), ct)).First(r => !r.IsPast);
            await mediator.Send(new GenerateBriefCommand(upcoming.Id), ct);
        }
    }

    /// <summary>
    /// The day after the second review: the draft its decisions started (the title weights) gets the rest of version 3
    /// (company size weighs less, drift alarms); marketing and sales sign it off, the admin activates it, and the open
    /// leads are re-scored under it at that instant. (The issue speaks of "version 2"; the demo's version 2 is the
    /// routing version that exists from the start, so the review's change is version 3.)
    /// </summary>
    private async Task AgreeOnSecondVersionAsync(Demo demo)
    {
        var crew = demo.Crew;
        await using var reader = runAs.Open(crew.TenantId, crew.Admin, Roles.Admin);
        var draft = (await reader.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOpenDraftQuery(), demo.Ct)).Draft
            ?? throw new InvalidOperationException("The second review's decisions started no draft.");
        var points = new Dictionary<string, int> { ["size-200"] = 5, ["size-1000"] = 5, ["revenue-10m"] = 5 };
        var agreement = draft.Agreement with
        {
            Scoring = draft.Agreement.Scoring with
            {
                FitRules = [.. draft.Agreement.Scoring.FitRules.Select(r => points.TryGetValue(r.Id, out var p) ? r with { Points = p } : r)],
            },
            Drift = new DriftAlarms { MqlAcceptanceFloor = 0.5, RejectRateCeiling = 0.5, WindowDays = 30, MinimumSample = 10 },
        };
        draft = await AsAsync(demo, crew.Admin, Roles.Admin, new UpdateDraftCommand(draft.Id, agreement, draft.Revision));
        await AsAsync(demo, crew.Marketing, Roles.Marketing, new ApproveDraftCommand(draft.Id, Role.Marketing, draft.Revision));
        await AsAsync(demo, crew.Sales[0], Roles.Sales, new ApproveDraftCommand(draft.Id, Role.Sales, draft.Revision));
        var activation = await AsAsync(demo, crew.Admin, Roles.Admin, new ActivateDraftCommand(draft.Id));
        await AsAsync(demo, crew.Admin, Roles.Admin, new RunActivationCommand(activation.Id));
    }
}
