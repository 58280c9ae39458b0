using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Raytio.Server.Tests.Infrastructure;

public sealed record ObservedResponse(string Method, string Path, int Status);

/// <summary>
/// Records the final status of every request, outside the whole pipeline, so that answers of the
/// version check, the body limit and authentication are seen as well as the handlers'.
/// </summary>
internal sealed class ResponseRecorder(ConcurrentQueue<ObservedResponse> responses) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, pipeline) =>
        {
            await pipeline();
            responses.Enqueue(new ObservedResponse(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode));
        });
        next(app);
    };
}
