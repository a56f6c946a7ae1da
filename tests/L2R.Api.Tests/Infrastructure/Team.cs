using System.Net;
using System.Text.Json.Nodes;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>A tenant's admin with a Marketing and a Sales user: enough people to sign off and activate a draft.</summary>
public sealed record Team(ApiSession Admin, ApiSession Marketing, ApiSession Sales)
{
    public static async Task<Team> CreateAsync(L2RApiFactory factory)
    {
        var admin = await ApiSession.SignUpAsync(factory);
        return new Team(admin, await admin.AddUserAsync(factory, "Marketing"), await admin.AddUserAsync(factory, "Sales"));
    }

    public async Task ApproveAsync(string draftId)
    {
        await ApiSession.Expect(await Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{draftId}/approvals", new { role = "Marketing" }), HttpStatusCode.OK);
        await ApiSession.Expect(await Sales.Http.PostAsJsonAsync($"/api/agreement/drafts/{draftId}/approvals", new { role = "Sales" }), HttpStatusCode.OK);
    }

    /// <summary>Approves as Marketing and Sales, activates, and waits for the re-scoring to finish.</summary>
    public async Task<JsonNode> ActivateAsync(string draftId)
    {
        await ApproveAsync(draftId);
        var activate = await Admin.Http.PostAsync($"/api/agreement/drafts/{draftId}/activate", null);
        await ApiSession.Expect(activate, HttpStatusCode.Accepted);
        return await WaitForActivationAsync((await activate.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
    }

    /// <summary>Drafts the active agreement with <paramref name="edit"/>, signs it off, activates it and waits for its re-scoring; answers the new version.</summary>
    public async Task<int> ActivateAsync(Action<JsonObject> edit)
    {
        var draft = await Admin.UpdateDraftAsync(await Admin.CreateDraftAsync(), edit);
        var id = draft["id"]!.GetValue<string>();
        await ApproveAsync(id);
        var activate = await Admin.Http.PostAsync($"/api/agreement/drafts/{id}/activate", null);
        await ApiSession.Expect(activate, HttpStatusCode.Accepted);
        await WaitForActivationAsync((await activate.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        return draft["version"]!.GetValue<int>();
    }

    public async Task<JsonNode> WaitForActivationAsync(string activationId)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var activation = await Admin.GetJsonAsync($"/api/agreement/activations/{activationId}");
            if (activation["status"]!.GetValue<string>() != "Running")
            {
                return activation;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The activation did not finish in 10 s.");
    }

    public static JsonObject Transition(JsonObject agreement, string trigger) =>
        agreement["transitions"]!.AsArray().Single(t => t!["trigger"]!.GetValue<string>() == trigger)!.AsObject();

    public static void Threshold(JsonObject agreement, string trigger, string criterionId, int value) =>
        Transition(agreement, trigger)["criteria"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == criterionId)!["value"] = value;

    /// <summary>The same people with tokens valid for sixty days either side of now, for tests that move the API's clock over days.</summary>
    public async Task<Team> ForTimeTravelAsync(L2RApiFactory factory) =>
        new(await Admin.ForTimeTravelAsync(factory), await Marketing.ForTimeTravelAsync(factory), await Sales.ForTimeTravelAsync(factory));
}
