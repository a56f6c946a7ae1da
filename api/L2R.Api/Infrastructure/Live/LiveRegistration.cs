using L2R.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using StackExchange.Redis;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace L2R.Api.Infrastructure.Live;

/// <summary>Where several instances meet: a StackExchange.Redis configuration string; empty for one instance.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Also the prefix of the access invalidation channel.</summary>
    public const string ChannelPrefix = "l2r";

    /// <summary>Such as <c>127.0.0.1:6380</c> or Azure Cache for Redis' <c>host:6380,password=…,ssl=True</c>.</summary>
    public string? Configuration { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}

public static class LiveRegistration
{
    /// <summary>Azure SignalR Service's own key; when set, it carries the connections and Redis is not needed for them.</summary>
    public const string AzureSignalRConnectionString = "Azure:SignalR:ConnectionString";

    /// <summary>
    /// SignalR with the API's JSON (camelCase, enums as names), scaled out through Azure SignalR Service when its
    /// connection string is set, else through the Redis backplane when Redis is configured, else in memory (one instance).
    /// </summary>
    public static IServiceCollection AddL2RLive(this IServiceCollection services, IConfiguration configuration, RedisOptions redis)
    {
        services.AddSingleton<LiveBoardQueue>();
        services.AddSingleton<BoardConnections>();
        services.AddScoped<LiveBoardChanges>();
        var signalR = services.AddSignalR().AddJsonProtocol(options => ServiceRegistration.ConfigureJson(options.PayloadSerializerOptions));
        if (redis.IsConfigured)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<RedisAccessBroadcast>();
            services.AddSingleton<IAccessBroadcast>(sp => sp.GetRequiredService<RedisAccessBroadcast>());
            services.AddOptions<SignalRRedisOptions>().Configure<RedisConnection>((options, connection) => options.ConnectionFactory = _ => connection.GetAsync());
            signalR.AddStackExchangeRedis(options => options.Configuration.ChannelPrefix = RedisChannel.Literal(RedisOptions.ChannelPrefix));
        }

        else
        {
            services.AddSingleton<IAccessBroadcast, NoAccessBroadcast>();
        }

        if (!string.IsNullOrWhiteSpace(configuration[AzureSignalRConnectionString]))
        {
            signalR.AddAzureSignalR(configuration[AzureSignalRConnectionString]);
        }

        return services;
    }

    /// <summary>The background side: the publisher of committed changes, and with Redis the listener for the other instances' access changes.</summary>
    public static IServiceCollection AddL2RLiveHosting(this IServiceCollection services, RedisOptions redis)
    {
        services.AddHostedService<LiveBoardPublisher>();
        if (redis.IsConfigured)
        {
            services.AddHostedService<AccessChangeListener>();
        }

        return services;
    }

    public static void MapLive(this IEndpointRouteBuilder app) =>
        app.MapHub<BoardHub>(BoardHub.Path, options => options.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization()
            .RequireScope(ApiScopes.LeadsRead)
            .DisableRateLimiting();

    /// <summary>
    /// Browsers cannot set a header on a WebSocket or an EventSource, so on the hub's paths (and only there) the token may
    /// come as the <c>access_token</c> query parameter; it is then validated like any other.
    /// </summary>
    public static Task TokenFromQueryForHubs(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Query["access_token"] is { Count: 1 } token
            && !string.IsNullOrEmpty(token[0]))
        {
            context.Token = token[0];
        }

        return Task.CompletedTask;
    }
}

/// <summary>One multiplexer per instance for the SignalR backplane and the access invalidations; connected on first use.</summary>
public sealed class RedisConnection(Microsoft.Extensions.Options.IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        // Started while Redis is down, it keeps trying in the background rather than fail this instance for good.
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        configuration.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    });

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            (await _connection.Value).Dispose();
        }
    }
}
