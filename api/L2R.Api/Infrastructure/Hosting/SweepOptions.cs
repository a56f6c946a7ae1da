using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Hosting;

public sealed class SweepOptions
{
    public const string Section = "Sweep";

    /// <summary>How often open leads are re-checked for decay and time-based criteria; 0 turns the sweep off.</summary>
    [Range(0, 24 * 60, ErrorMessage = "Sweep:IntervalMinutes must be between 0 (off) and 1440.")]
    public double IntervalMinutes { get; set; } = 15;
}
