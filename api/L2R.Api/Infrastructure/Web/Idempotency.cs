using System.Security.Cryptography;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Web;

/// <summary>Endpoint metadata: the endpoint honours an optional <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpoint;

public static class IdempotencyEndpoints
{
    public static TBuilder Idempotent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentEndpoint());
}

/// <summary>
/// The IETF httpapi Idempotency-Key draft for the POSTs that create or move something. The key is claimed in its own
/// commit (a second request with it while the first runs gets 409), then the endpoint runs inside one transaction
/// that also stores its response, so a stored response always belongs to a committed change and a change is never
/// committed without it. Within <see cref="Retention"/> the same key and request get the stored status and body again
/// (<c>Idempotent-Replayed: true</c>) and nothing runs; the same key with another request is 422. Only successes are
/// kept: a refusal or a failure writes nothing and frees the key, so a retry runs again. A claim whose lease ran out
/// belonged to a request that never committed (its completion would have ended the claim), so it may be taken over.
/// </summary>
public sealed class Idempotency(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, L2RDbContext db, ICurrentUser caller)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || caller.TenantId is null)
        {
            await next(context);
            return;
        }

        // A generated client sends the optional header empty when its caller gives no key: that is no key.
        var key = values.ToString().Trim();
        if (key.Length == 0 && values.Count == 1)
        {
            await next(context);
            return;
        }

        if (key.Length > IdempotencyLimits.MaxKeyLength || values.Count > 1)
        {
            throw RequestValidationException.For(Header, $"Send one Idempotency-Key of 1 to {IdempotencyLimits.MaxKeyLength} characters.");
        }

        var who = caller.ClientId is { } client ? $"c:{client:N}" : $"u:{caller.UserId:N}";
        var hash = await HashAsync(context.Request);
        var record = await ClaimAsync(db, who, key, hash, context.RequestAborted);
        if (record.Status is not null)
        {
            await ReplayAsync(context, record);
            return;
        }

        await RunAndStoreAsync(context, db, record);
    }

    private async Task<IdempotencyRecord> ClaimAsync(L2RDbContext db, string caller, string key, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = new IdempotencyRecord
        {
            Caller = caller, Key = key, RequestHash = hash, LockedUntil = now + Lease, CreatedAt = now, ExpiresAt = now + Retention,
        };
        db.IdempotencyRecords.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return claim;
        }
        catch (DbUpdateException exception) when (ProblemDetailsExceptionHandler.IsUniqueViolation(exception))
        {
            db.Entry(claim).State = EntityState.Detached;
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Caller == caller && r.Key == key, ct);
        if (existing.ExpiresAt <= now || (existing.Status is null && existing.LockedUntil <= now))
        {
            // An expired record, or a claim abandoned before it committed: take it over, unless another request just did.
            var taken = await db.IdempotencyRecords
                .Where(r => r.Id == existing.Id && r.LockedUntil == existing.LockedUntil && r.ExpiresAt == existing.ExpiresAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.RequestHash, hash).SetProperty(r => r.Status, (int?)null).SetProperty(r => r.Body, (string?)null)
                    .SetProperty(r => r.LockedUntil, claim.LockedUntil).SetProperty(r => r.CreatedAt, now).SetProperty(r => r.ExpiresAt, claim.ExpiresAt), ct);
            if (taken == 1)
            {
                claim.Id = existing.Id;
                return claim;
            }

            throw new ConflictException("A request with this Idempotency-Key is still being processed; retry later.");
        }

        if (existing.RequestHash != hash)
        {
            throw new IdempotencyKeyReusedException("This Idempotency-Key was used with a different request; use a new key for a new request.");
        }

        return existing.Status is null
            ? throw new ConflictException("A request with this Idempotency-Key is still being processed; retry later.")
            : existing;
    }

    private async Task RunAndStoreAsync(HttpContext context, L2RDbContext db, IdempotencyRecord claim)
    {
        var response = context.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        var ct = context.RequestAborted;
        try
        {
            // The endpoint's own transaction joins this one, so the change and the stored response commit together.
            var stored = await db.InTransactionAsync(async () =>
            {
                await next(context);
                if (response.StatusCode is < 200 or >= 300)
                {
                    return false;
                }

                var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                await db.IdempotencyRecords.Where(r => r.Id == claim.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, response.StatusCode)
                    .SetProperty(r => r.ContentType, response.ContentType)
                    .SetProperty(r => r.Location, response.Headers.Location.ToString())
                    .SetProperty(r => r.ETag, response.Headers.ETag.ToString())
                    .SetProperty(r => r.Body, body), ct);
                return true;
            }, ct);
            if (!stored)
            {
                await ReleaseAsync(db, claim);
            }
        }
        catch
        {
            response.Body = original;
            await ReleaseAsync(db, claim);
            throw;
        }

        response.Body = original;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    /// <summary>Frees the key of a request that wrote nothing, so a retry runs again.</summary>
    private static Task ReleaseAsync(L2RDbContext db, IdempotencyRecord claim) =>
        db.IdempotencyRecords.Where(r => r.Id == claim.Id && r.Status == null).ExecuteDeleteAsync(CancellationToken.None);

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        var response = context.Response;
        response.StatusCode = record.Status!.Value;
        response.Headers[ReplayedHeader] = "true";
        if (!string.IsNullOrEmpty(record.Location))
        {
            response.Headers.Location = record.Location;
        }

        if (!string.IsNullOrEmpty(record.ETag))
        {
            response.Headers.ETag = record.ETag;
        }

        if (record.ContentType is not null)
        {
            response.ContentType = record.ContentType;
        }

        await response.WriteAsync(record.Body ?? "", context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
