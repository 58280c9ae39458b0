using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Cli;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>
/// Runs the audit trail's background passes on demand (the test host does not run them), so
/// tests see exactly what one flush or one sealing pass does.
/// </summary>
public static class AuditDriver
{
    /// <summary>One sealer per host, as one replica has: a new one would wait for the lease of the last.</summary>
    private static readonly ConditionalWeakTable<RaytioFactory, AuditSealer> Sealers = [];

    /// <summary>A sealer of its own (another replica's).</summary>
    public static AuditSealer NewSealer(this RaytioFactory app) => ActivatorUtilities.CreateInstance<AuditSealer>(app.Services);

    public static Task<int> SealAsync(this RaytioFactory app) =>
        Sealers.GetValue(app, NewSealer).SealOnceAsync(CancellationToken.None);

    public static Task<int> FlushReadsAsync(this RaytioFactory app) =>
        ActivatorUtilities.CreateInstance<AuditReadWriter>(app.Services).FlushOnceAsync(CancellationToken.None);

    /// <summary>`audit verify`: its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> VerifyAsync(this RaytioFactory app)
    {
        using var output = new StringWriter();
        var exit = await ServerCommands.RunAsync(new ServerCommands.Command("audit", ["verify"]), app.Services, output);
        return (exit, output.ToString());
    }

    /// <summary>Records an event through <see cref="AuditTrail"/> and saves it, as a change would.</summary>
    public static async Task RecordAsync(this RaytioFactory app, string eventType, Guid? userId, Guid subjectId, System.Text.Json.Nodes.JsonObject? details = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record(eventType, userId, subjectId, details);
        await scope.ServiceProvider.GetRequiredService<Raytio.Server.Data.RaytioDbContext>().SaveChangesAsync();
    }

    public static Task<List<AuditEvent>> EventsAboutAsync(this RaytioFactory app, Guid subjectId) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync());
}
