using System.Text.Json;
using L2R.Api.Infrastructure.Auth;
using StackExchange.Redis;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// A user's or an API client's access as a write left it, sent to every instance once the write has committed:
/// <see cref="Roles"/> null for an inactive user, <see cref="ActiveSecrets"/> empty for a revoked client.
/// </summary>
public sealed record AccessChange(Guid TenantId, Guid Id, bool IsClient, int Version, L2R.Domain.Leads.Roles? Roles, IReadOnlyList<Guid> ActiveSecrets);

/// <summary>Tells the other instances of an access change; with one instance there is no one else to tell.</summary>
public interface IAccessBroadcast
{
    void Publish(AccessChange change);
}

public sealed class NoAccessBroadcast : IAccessBroadcast
{
    public void Publish(AccessChange change)
    {
    }
}

/// <summary>
/// Redis pub/sub on the backplane's multiplexer: every instance applies the others' changes to its own cache (and
/// closes its own connections of a caller that lost access, <see cref="AccessChangeListener"/>) as soon as they are
/// published, instead of within the cache's lifetime. A message lost while Redis is away costs no more than that lifetime.
/// </summary>
public sealed class RedisAccessBroadcast(RedisConnection redis, ILogger<RedisAccessBroadcast> logger) : IAccessBroadcast
{
    public static readonly RedisChannel Channel = RedisChannel.Literal($"{RedisOptions.ChannelPrefix}:access");

    /// <summary>This instance's own messages come back to it; it has applied them already.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    public void Publish(AccessChange change) => _ = PublishAsync(change);

    private async Task PublishAsync(AccessChange change)
    {
        try
        {
            var connection = await redis.GetAsync();
            await connection.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new AccessEnvelope(Instance, change)));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Telling the other instances of the access change of {Id} failed; they see it within {Seconds} s.", change.Id, ActiveUserCheck.Lifetime.TotalSeconds);
        }
    }
}

/// <summary>
/// Applies the access changes the other instances publish. Subscribes in the background, retrying while Redis is
/// away, so an instance starts (and serves, on its cache's lifetime) without it; once subscribed, the multiplexer
/// subscribes again by itself after a reconnect.
/// </summary>
public sealed class AccessChangeListener(RedisConnection redis, RedisAccessBroadcast broadcast, ActiveUserCheck check, ILogger<AccessChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await redis.GetAsync();
                await connection.GetSubscriber().SubscribeAsync(RedisAccessBroadcast.Channel, (_, message) => Receive(message));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Subscribing to the other instances' access changes failed; trying again in {Seconds} s.", RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private void Receive(RedisValue message)
    {
        if (JsonSerializer.Deserialize<AccessEnvelope>(message.ToString()) is { } envelope && envelope.Instance != broadcast.Instance)
        {
            check.Apply(envelope.Change);
        }
    }
}

public sealed record AccessEnvelope(Guid Instance, AccessChange Change);
