using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>A batch of reads the database refuses is kept, not lost, and written at the next flush.</summary>
public sealed class AuditReadRetryTests(AuditReadRetryTests.RefusingFactory app) : IClassFixture<AuditReadRetryTests.RefusingFactory>
{
    [Fact]
    public async Task A_refused_batch_is_written_at_the_next_flush()
    {
        var writer = ActivatorUtilities.CreateInstance<AuditReadWriter>(app.Services);
        var subject = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReads(null, [subject, subject]);
        }

        app.Refusal.Refusing = true;
        Assert.Equal(0, await writer.FlushOnceAsync(CancellationToken.None));
        Assert.Empty(await app.EventsAboutAsync(subject));

        app.Refusal.Refusing = false;
        Assert.Equal(2, await writer.FlushOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await app.EventsAboutAsync(subject)).Count);
    }

    /// <summary>A host whose database can be made to refuse inserts of audit events.</summary>
    public sealed class RefusingFactory : RaytioFactory
    {
        public AuditInsertRefusal Refusal { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Refusal));
        }
    }

    public sealed class AuditInsertRefusal : SaveChangesInterceptor
    {
        public bool Refusing { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Refusing && eventData.Context!.ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added))
            {
                throw new DbUpdateException("the database is unreachable (test)");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
