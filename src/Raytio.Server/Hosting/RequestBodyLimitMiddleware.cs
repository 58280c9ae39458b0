using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Hosting;

/// <summary>
/// Enforces the configured body limit (default 10 MiB); an endpoint may raise its own with
/// <see cref="IRequestSizeLimitMetadata"/> (e.g. document uploads).
/// </summary>
internal static class RequestBodyLimitMiddleware
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<RaytioOptions>>().Value.MaxRequestBodyBytes;
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? configured;
        if (context.Request.ContentLength > limit)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"The request body is larger than the limit of {limit} bytes.");
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        await next();
    });
}
