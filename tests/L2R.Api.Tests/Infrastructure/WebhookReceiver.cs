using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel) that records every webhook and answers with the statuses it is told, then 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)), body));
            return Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : 200);
        });
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The next requests get these statuses, in order; after them, 200.</summary>
    public void AnswerWith(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record Received(IHeaderDictionary Headers, string Body)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    }
}
