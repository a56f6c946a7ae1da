using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace L2R.Api.Infrastructure.Data;

/// <summary>All times are UTC; SQLite hands them back unspecified and Npgsql's timestamptz insists on UTC, so say so both ways.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
