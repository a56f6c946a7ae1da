using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>A board connected to the live hub, recording every push it receives in order.</summary>
public sealed class BoardListener : IAsyncDisposable
{
    private readonly Channel<(string Method, JsonObject Message)> _received = Channel.CreateUnbounded<(string, JsonObject)>();

    /// <summary>Pushes a wait passed over, in order: the next wait, or a drain, sees them first.</summary>
    private readonly List<(string Method, JsonObject Message)> _passedOver = [];

    private BoardListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonObject>("leadChanged", m => _received.Writer.TryWrite(("leadChanged", m)));
        connection.On<JsonObject>("boardReload", m => _received.Writer.TryWrite(("boardReload", m)));
        connection.Closed += _ =>
        {
            ClosedByServer.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public TaskCompletionSource ClosedByServer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Connects to the test server's hub with <paramref name="token"/> (long polling, as a browser without WebSockets would).</summary>
    public static async Task<BoardListener> ConnectAsync(WebApplicationFactory<Program> factory, string token) =>
        await ConnectAsync(Build(factory, "/hubs/board", token));

    /// <summary>Connects with the token only in the <c>access_token</c> query parameter, as the browser's WebSocket does.</summary>
    public static async Task<BoardListener> ConnectWithQueryTokenAsync(WebApplicationFactory<Program> factory, string token) =>
        await ConnectAsync(Build(factory, $"/hubs/board?access_token={Uri.EscapeDataString(token)}", null));

    /// <summary>Connects to an API at <paramref name="baseUrl"/> over a real socket (WebSockets).</summary>
    public static async Task<BoardListener> ConnectAsync(string baseUrl, string token) =>
        await ConnectAsync(new HubConnectionBuilder()
            .WithUrl(baseUrl.TrimEnd('/') + "/hubs/board", options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build());

    private static HubConnection Build(WebApplicationFactory<Program> factory, string path, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    private static async Task<BoardListener> ConnectAsync(HubConnection connection)
    {
        var listener = new BoardListener(connection);
        await connection.StartAsync();
        return listener;
    }

    /// <summary>The first push of <paramref name="method"/> that <paramref name="matches"/>, keeping the others for later; fails after <paramref name="within"/>.</summary>
    public async Task<JsonObject> NextAsync(string method, Func<JsonObject, bool>? matches = null, TimeSpan? within = null)
    {
        bool Wanted((string Method, JsonObject Message) push) => push.Method == method && (matches is null || matches(push.Message));
        var earlier = _passedOver.FindIndex(p => Wanted(p));
        if (earlier >= 0)
        {
            var found = _passedOver[earlier];
            _passedOver.RemoveAt(earlier);
            return found.Message;
        }

        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(5));
        try
        {
            while (true)
            {
                var push = await _received.Reader.ReadAsync(timeout.Token);
                if (Wanted(push))
                {
                    return push.Message;
                }

                _passedOver.Add(push);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {method} push arrived within {(within ?? TimeSpan.FromSeconds(5)).TotalSeconds} s.");
            throw;
        }
    }

    /// <summary>The lead change for <paramref name="leadId"/> of <paramref name="kind"/> (leaving the card in <paramref name="state"/>, from <paramref name="fromState"/>, when named).</summary>
    public Task<JsonObject> LeadChangedAsync(Guid leadId, string kind, string? state = null, TimeSpan? within = null, string? fromState = null) =>
        NextAsync(
            "leadChanged",
            m => m["leadId"]!.GetValue<Guid>() == leadId && m["kind"]!.GetValue<string>() == kind
                && (state is null || m["card"]?["state"]?.GetValue<string>() == state)
                && (fromState is null || m["fromState"]?.GetValue<string>() == fromState),
            within);

    /// <summary>Every push not yet waited for, until none arrives for <paramref name="quiet"/>: for tests that prove nothing came.</summary>
    public async Task<IReadOnlyList<(string Method, JsonObject Message)>> DrainAsync(TimeSpan quiet)
    {
        var all = new List<(string, JsonObject)>(_passedOver);
        _passedOver.Clear();
        while (true)
        {
            using var timeout = new CancellationTokenSource(quiet);
            try
            {
                all.Add(await _received.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                return all;
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
