using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>Uploading CSV files and waiting for their runs, as the SPA's Import page does.</summary>
public static class Imports
{
    public static MultipartFormDataContent Form(byte[] file, string fileName = "leads.csv", object? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var property in fields?.GetType().GetProperties() ?? [])
        {
            if (property.GetValue(fields) is { } value)
            {
                form.Add(new StringContent(value is bool b ? (b ? "true" : "false") : value.ToString()!), property.Name);
            }
        }

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> PostAsync(ApiSession session, string csv, object? fields = null) =>
        session.Http.PostAsync("/api/imports", Form(Encoding.UTF8.GetBytes(csv), fields: fields));

    /// <summary>Uploads and waits for the pass to end; <paramref name="fields"/> are the form's other fields (dryRun, duplicatePolicy, mapping, template, kind).</summary>
    public static async Task<JsonObject> RunAsync(ApiSession session, string csv, object? fields = null)
    {
        var response = await PostAsync(session, csv, fields);
        await ApiSession.Expect(response, HttpStatusCode.Accepted);
        var run = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/imports/{run["id"]}", response.Headers.Location?.OriginalString);
        return await WaitAsync(session, Guid.Parse(run["id"]!.GetValue<string>()));
    }

    public static async Task<JsonObject> StartAsync(ApiSession session, Guid runId)
    {
        var response = await session.Http.PostAsync($"/api/imports/{runId}/start", null);
        await ApiSession.Expect(response, HttpStatusCode.Accepted);
        return await WaitAsync(session, runId);
    }

    public static async Task<JsonObject> WaitAsync(ApiSession session, Guid runId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var run = (await session.GetJsonAsync($"/api/imports/{runId}")).AsObject();
            if (run["status"]!.GetValue<string>() is not ("Queued" or "Running"))
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Import {runId} did not finish within a minute.");
    }

    public static Guid Id(JsonObject run) => Guid.Parse(run["id"]!.GetValue<string>());

    /// <summary>Outcome counts and stage counts of a pass, as one comparable string.</summary>
    public static string Summary(JsonNode? counts) =>
        $"created {counts!["created"]}, updated {counts["updated"]}, skipped {counts["skipped"]}, failed {counts["failed"]}; "
        + string.Join(", ", counts["stages"]!.AsObject().OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));
}
