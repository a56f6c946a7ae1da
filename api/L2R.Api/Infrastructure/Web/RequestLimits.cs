using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// Refuses oversized bodies with 413 before anything is read. Kestrel enforces the same limit on streamed bodies;
/// this also covers hosts without Kestrel's limit (the test server) and answers with ProblemDetails. An endpoint that
/// takes more (the CSV upload) says so with <see cref="IRequestSizeLimitMetadata"/>, and Kestrel is told the same.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is larger than {limit / 1024} KiB.", StatusCodes.Status413PayloadTooLarge);
        }

        if (limit != MaxBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
