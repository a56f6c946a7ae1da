using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>Duplicates and merge: both histories and journeys under the survivor, chosen values, the absorbed id's pointer.</summary>
public abstract class MergeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Merge_KeepsBothHistoriesAndActivities_AndTheAbsorbedIdPointsToTheSurvivor()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var survivor = await IdOf(marketing.CreateLeadAsync(new { firstName = "Vera", lastName = "Vance", company = "Globex", email = $"vera.{Guid.NewGuid():N}@globex.example", title = "Manager" }));
        var absorbed = await IdOf(marketing.CreateLeadAsync(new { firstName = "Vera", lastName = "Vance", company = "Globex", email = $"v.vance.{Guid.NewGuid():N}@globex.example", title = "VP Operations", phone = "+1 555 0100", companySize = 500, industry = "Software" }));
        await marketing.RecordActivityAsync(survivor, "Webinar");
        await marketing.RecordActivityAsync(absorbed, "FormSubmission");
        var absorbedEmail = (await marketing.GetJsonAsync($"/api/leads/{absorbed}"))["email"]!.GetValue<string>();

        var groups = (await marketing.GetJsonAsync("/api/leads/duplicates")).AsArray();
        var group = Assert.Single(groups)!;
        Assert.Equal("SameNameAndCompany", group["reason"]!.GetValue<string>());
        Assert.Equal(new[] { survivor, absorbed }.Order(), group["leads"]!.AsArray().Select(l => Guid.Parse(l!["id"]!.GetValue<string>())).Order());

        var response = await marketing.Http.PostAsJsonAsync($"/api/leads/{survivor}/merge", new { absorbedLeadId = absorbed, fields = new { title = "Absorbed", email = "Absorbed" }, note = "Same person, two forms" });
        await ApiSession.Expect(response, HttpStatusCode.OK);
        var merged = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var lead = merged["lead"]!;
        Assert.Equal(("VP Operations", absorbedEmail, "+1 555 0100", 500), (lead["title"]!.GetValue<string>(), lead["email"]!.GetValue<string>(), lead["phone"]!.GetValue<string>(), lead["companySize"]!.GetValue<int>()));
        Assert.Equal("Merged", merged["transitions"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("MQL", lead["state"]!.GetValue<string>());
        var activities = (await marketing.GetJsonAsync($"/api/leads/{survivor}/activities")).AsArray();
        Assert.Equal(["FormSubmission", "Webinar"], activities.Select(a => a!["type"]!.GetValue<string>()).Order());
        var history = (await marketing.GetJsonAsync($"/api/leads/{survivor}/history"))["transitions"]!.AsArray();
        Assert.Equal(2, history.Count(t => t!["kind"]!.GetValue<string>() == "Created"));
        var entry = history.Single(t => t!["kind"]!.GetValue<string>() == "Merged")!;
        Assert.Equal((absorbed.ToString(), "Same person, two forms"), (entry["mergedLeadId"]!.GetValue<string>(), entry["note"]!.GetValue<string>()));

        var gone = await ApiSession.ProblemAsync(await marketing.Http.GetAsync($"/api/leads/{absorbed}"), HttpStatusCode.NotFound);
        Assert.Equal((survivor.ToString(), $"/api/leads/{survivor}"), (gone["mergedInto"]!.GetValue<string>(), gone["location"]!.GetValue<string>()));
        await ApiSession.ProblemAsync(await marketing.Http.GetAsync($"/api/leads/{absorbed}/history"), HttpStatusCode.NotFound);
        Assert.Empty((await marketing.GetJsonAsync("/api/leads/duplicates")).AsArray());
        Assert.Contains((await admin.GetJsonAsync("/api/audit")).AsArray(), a => a!["action"]!.GetValue<string>() == "lead.merged");

        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var mergedEvent = Assert.Single((await admin.GetJsonAsync("/api/events?types=lead.merged"))["items"]!.AsArray())!;
        Assert.Equal((survivor.ToString(), absorbed.ToString()), (mergedEvent["leadId"]!.GetValue<string>(), mergedEvent["data"]!["absorbedLeadId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Merge_IsForMarketingAndAdmins_AndAnotherTenantsLeadIs404()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var first = await IdOf(admin.CreateLeadAsync(new { lastName = "One" }));
        var second = await IdOf(admin.CreateLeadAsync(new { lastName = "Two" }));
        var other = await ApiSession.SignUpAsync(factory);
        var foreign = await IdOf(other.CreateLeadAsync(new { lastName = "Foreign" }));

        await ApiSession.ProblemAsync(await sales.Http.PostAsJsonAsync($"/api/leads/{first}/merge", new { absorbedLeadId = second }), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync($"/api/leads/{first}/merge", new { absorbedLeadId = foreign }), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await other.Http.PostAsJsonAsync($"/api/leads/{foreign}/merge", new { absorbedLeadId = first }), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync($"/api/leads/{first}/merge", new { absorbedLeadId = first }), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await admin.Http.PostAsJsonAsync($"/api/leads/{first}/merge", new { absorbedLeadId = second, fields = new { stage = "Absorbed" } }), HttpStatusCode.BadRequest);

        Assert.Equal(2, await admin.LeadCountAsync());
        Assert.Equal("Foreign", (await other.GetJsonAsync($"/api/leads/{foreign}"))["lastName"]!.GetValue<string>());
        await ApiSession.Expect(await admin.Http.PostAsJsonAsync($"/api/leads/{first}/merge", new { absorbedLeadId = second }), HttpStatusCode.OK);
        Assert.Equal(1, await admin.LeadCountAsync());
    }

    [Fact]
    public async Task Duplicates_FindTheSameMailboxBehindAPlusTag()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var plain = await IdOf(admin.CreateLeadAsync(new { lastName = "Ann", email = "ann@mailbox.example" }));
        var tagged = await IdOf(admin.CreateLeadAsync(new { lastName = "Annie", email = "Ann+News@mailbox.example" }));
        await admin.CreateLeadAsync(new { lastName = "Bob", email = "bob+x@mailbox.example" });

        var group = Assert.Single((await admin.GetJsonAsync("/api/leads/duplicates")).AsArray())!;

        Assert.Equal(("SameEmail", "ann@mailbox.example"), (group["reason"]!.GetValue<string>(), group["key"]!.GetValue<string>()));
        Assert.Equal([plain, tagged], group["leads"]!.AsArray().Select(l => Guid.Parse(l!["id"]!.GetValue<string>())));
    }

    private static async Task<Guid> IdOf(Task<JsonObject> created) => Guid.Parse((await created)["lead"]!["id"]!.GetValue<string>());
}

public sealed class SqliteMergeTests(SqliteApiFactory factory) : MergeTests<SqliteApiFactory>(factory);

public sealed class PostgresMergeTests(PostgresApiFactory factory) : MergeTests<PostgresApiFactory>(factory);
