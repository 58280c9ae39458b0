using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Raytio.Cypher.Bench;

/// <summary>
/// The Release server's services in this process, on the loaded database, without the background
/// work (cleanup, audit writer and sealer) that would run beside the measured queries.
/// </summary>
internal sealed class BenchHost(BenchOptions options) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Raytio:DataDirectory", options.DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The benchmark measures slow queries too, rather than stopping them at the 5 s default.
        builder.UseSetting("Raytio:Query:StatementTimeout", "00:10:00");
        if (options.PostgresConnection is { } postgres)
        {
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }
        builder.ConfigureServices(services =>
        {
            // The background services registered by type (cleanup, audit writer and sealer); the
            // startup initializer and the email dispatcher are registered by factory and stay.
            foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType is not null).ToList())
            {
                services.Remove(background);
            }
        });
    }
}
