using System.Diagnostics;

namespace Raytio.Server.Hosting;

/// <summary>
/// One structured line per request: method, route template (not the raw path or query, which
/// can carry codes and ids), status and duration. Headers and bodies are never logged.
/// Answers below 400 are logged at Debug, the others at Information: through the console
/// logger each line costs a hand-over to its writer thread and a write, about a quarter of the
/// CPU of an authenticated read (docs/benchmarks-http.md), so the default keeps the lines that
/// need attention. `Logging:LogLevel:Raytio.Requests=Debug` logs every request.
/// </summary>
internal static partial class RequestLoggingMiddleware
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Raytio.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                var status = context.Response.StatusCode;
                var level = status < 400 ? LogLevel.Debug : LogLevel.Information;
                if (logger.IsEnabled(level))
                {
                    var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                    LogRequest(logger, level, context.Request.Method, route, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }

    [LoggerMessage(Message = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string route, int statusCode, double elapsedMs);
}
