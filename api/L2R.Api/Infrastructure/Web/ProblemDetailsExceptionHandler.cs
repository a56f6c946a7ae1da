using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// The one place exceptions become ProblemDetails. Expected refusals are logged at Information; anything else is a
/// 500 with a trace id and no internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public const string TypeBase = "https://l2r.dev/problems/";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("{Method} {Path} refused with {Status}: {Message}", httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.Message);
        }

        problem.Extensions["traceId"] = TraceIdOf(httpContext);
        if (exception is TooManyRequestsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The ProblemDetails of an exception; batch answers use it to explain each item as its single request would.</summary>
    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation.Errors
            .GroupBy(e => ToCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        RequestValidationException validation => Validation(validation.Errors.ToDictionary()),
        InvalidAgreementException invalid => Validation(invalid.Issues
            .GroupBy(i => "agreement." + i.Path)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray())),
        ApprovalRoleUnclearException => Validation(new Dictionary<string, string[]> { ["role"] = [exception.Message] }),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, "payload-too-large", "Request body too large", exception.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problem(415, "unsupported-media-type", "Send JSON", "The request body must be application/json."),
        BadHttpRequestException { InnerException: JsonException json } => Problem(400, "bad-request", "The request could not be read", ReadableJsonError(json)),
        BadHttpRequestException bind when UnboundParameter(bind) is { } parameter => Validation(new Dictionary<string, string[]> { [parameter] = [$"The value given for {parameter} is not one it takes."] }),
        BadHttpRequestException bad => Problem(400, "bad-request", "The request could not be read", bad.Message),
        NotSupportedException { Source: "System.Text.Json" } unreadable => Problem(400, "bad-request", "The request could not be read", ReadableUnsupportedJson(unreadable)),
        NotFoundException notFound => WithExtensions(Problem(404, "not-found", "Not found", exception.Message), notFound.Extensions),
        UnauthorizedException => Problem(401, "unauthorized", "Not signed in", exception.Message),
        ForbiddenException or ApproverLacksRoleException => Problem(403, "forbidden", "Not allowed", exception.Message),
        ConflictException conflict => WithExtensions(Problem(409, "conflict", "Conflict", exception.Message), conflict.Extensions),
        MissingApprovalsException missing => WithExtensions(
            Problem(409, "conflict", "Conflict", exception.Message),
            new Dictionary<string, object?> { ["missingApprovals"] = missing.Missing.Select(r => r.ToString()).ToList() }),
        AgreementLifecycleException => Problem(409, "conflict", "Conflict", exception.Message),
        DbUpdateConcurrencyException => Problem(409, "concurrent-change", "Changed by someone else", "Another change to this record won; reload and try again."),
        SqliteException { SqliteErrorCode: 5 or 6 } => Problem(409, "concurrent-change", "Changed by someone else", "Another change was being written at the same time; try again."),
        DbUpdateException when IsUniqueViolation(exception) => Problem(409, "conflict", "Conflict", "A record with the same unique value already exists."),
        TooManyRequestsException => Problem(429, "too-many-requests", "Too many requests", exception.Message),
        IdempotencyKeyReusedException => Problem(422, "idempotency-key-reused", "Idempotency-Key reused", exception.Message),
        PreconditionFailedException or StaleDraftException => Problem(412, "stale", "Your copy is out of date", exception.Message),
        GuardUnmetException guard => WithExtensions(
            Problem(422, "guard-unmet", "The lead agreement does not allow this move yet", exception.Message),
            new Dictionary<string, object?> { ["criteria"] = guard.Unmet }),
        CrossTenantWriteException => Problem(404, "not-found", "Not found", "The record was not found."),
        _ => Problem(500, "internal", "Something went wrong", "An unexpected error occurred; quote the trace id when reporting it."),
    };

    /// <summary>
    /// The W3C trace id of the request, the id Azure Monitor files its telemetry under (its operation id), so a traceId
    /// a user quotes finds the request's trace and logs; the connection's id only when nothing traces the request.
    /// </summary>
    public static string TraceIdOf(HttpContext httpContext) =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : httpContext.TraceIdentifier;

    /// <summary>
    /// The route or query parameter that minimal APIs could not bind (an unknown enum name, a malformed date or number),
    /// read from the framework's message, so the 400 names it like any other invalid field.
    /// </summary>
    private static string? UnboundParameter(BadHttpRequestException exception) =>
        UnboundParameterMessage().Match(exception.Message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex("^(Failed to bind parameter|Required parameter) \"[^\"]* (?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex UnboundParameterMessage();

    /// <summary>Names where the JSON went wrong without naming our types.</summary>
    private static string ReadableJsonError(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$"
            ? "The body is not valid JSON for this request."
            : $"The value at {json.Path} is not valid here (malformed JSON, a wrong type, or an unknown enum value).";

    /// <summary>
    /// System.Text.Json refuses some bodies with NotSupportedException rather than JsonException (a polymorphic value
    /// without its "$type" first): the client's mistake, named by its path as a 400.
    /// </summary>
    private static string ReadableUnsupportedJson(NotSupportedException exception) =>
        JsonPathInMessage().Match(exception.Message) is { Success: true } match
            ? $"The value at {match.Groups["path"].Value} is not valid here (a value with several kinds needs its \"$type\" first)."
            : "The body is not valid JSON for this request.";

    [GeneratedRegex(@"Path: (?<path>\$[^ ]*)")]
    private static partial Regex JsonPathInMessage();

    public static bool IsUniqueViolation(Exception exception) =>
        exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteErrorCode == 19,
            Npgsql.PostgresException postgres => postgres.SqlState == "23505",
            Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
            _ => false,
        };

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = 400,
        Type = TypeBase + "validation",
        Title = "One or more fields are invalid",
        Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
    };

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = TypeBase + type, Title = title, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
