using System.Diagnostics;
using System.Net;
using System.Text;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Telemetry;
using StandardWebhooks;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>What one attempt came to: the status (null when no answer), how long, the start of the answer or the error, and any Retry-After.</summary>
public sealed record SendResult(int? StatusCode, int LatencyMs, string? ResponseSnippet, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Sends one delivery as Standard Webhooks v1: <c>webhook-id</c> (the event id), <c>webhook-timestamp</c> and
/// <c>webhook-signature</c>, signed with the subscription's secret and, while a rotation overlaps, its previous one
/// too (receivers accept any signature that verifies). The HttpClient times out after 15 s and refuses internal
/// targets unless allowed (see <see cref="WebhookTargets"/>).
/// </summary>
public sealed class WebhookSender(HttpClient http, L2RMetrics metrics, TimeProvider clock)
{
    public async Task<SendResult> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = delivery.EventId.ToString();
        var secrets = subscription.PreviousSecretExpiresAt > now.UtcDateTime && subscription.PreviousSecret is { } previous
            ? [subscription.Secret, previous]
            : new[] { subscription.Secret };
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(id, now, delivery.Payload))));

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var snippet = await SnippetAsync(response, ct);
            var result = new SendResult((int)response.StatusCode, Elapsed(watch), snippet, null, RetryAfter(response, now));
            metrics.Delivered(result.Succeeded ? "delivered" : IsGone(result.StatusCode) ? "gone" : "failed");
            return result;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            var refused = exception.InnerException as WebhookTargetRefusedException;
            metrics.Delivered("failed");
            return new SendResult(null, Elapsed(watch), null, Truncate(refused?.Message ?? exception.Message, 500), null);
        }
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static async Task<string?> SnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[WebhookLimits.ResponseSnippetLength];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var read = await reader.ReadBlockAsync(buffer, ct);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>For the receiver's answer status codes that mean "never again": 410 Gone.</summary>
    public static bool IsGone(int? status) => status == (int)HttpStatusCode.Gone;
}
