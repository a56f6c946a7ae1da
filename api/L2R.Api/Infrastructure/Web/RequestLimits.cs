namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// Refuses oversized bodies with 413 before anything is read. Kestrel enforces the same limit on streamed bodies;
/// this also covers hosts without Kestrel's limit (the test server) and answers with ProblemDetails.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException($"The request body is larger than {MaxBodyBytes / 1024} KiB.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
