using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Outbox;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The published retry schedule: after the first attempt, a retry after each of these (8 attempts in all, over about a day and a half).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>How often the relay numbers new events and sends due deliveries; 0 turns it off (tests run it by hand).</summary>
    [Range(0, 60_000, ErrorMessage = "Webhooks:RelayIntervalMilliseconds must be between 0 and 60000.")]
    public int RelayIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Send to private, loopback and link-local addresses; unset means only in Development and Testing.</summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>A subscription whose deliveries have failed without a success for this long is disabled.</summary>
    [Range(1, 60, ErrorMessage = "Webhooks:DisableAfterFailingDays must be between 1 and 60.")]
    public int DisableAfterFailingDays { get; set; } = 5;

    /// <summary>How long events stay in the feed (and deliveries in the log).</summary>
    [Range(30, 3650, ErrorMessage = "Webhooks:EventRetentionDays must be between 30 and 3650.")]
    public int EventRetentionDays { get; set; } = 30;

    public bool AllowsPrivateTargets(IHostEnvironment environment) =>
        AllowPrivateTargets ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}
