using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Raytio.Server.Data;
using Raytio.Server.Features.Billing.Embedded;

namespace Raytio.Server.Tests.Billing;

/// <summary>A renewal pass that keeps failing with something other than the database neither ends the scheduler nor runs it at every tick.</summary>
public sealed class RenewalServiceFailureTests
{
    [Fact]
    public async Task A_recurring_unexpected_failure_is_survived_with_back_off()
    {
        var attempts = 0;
        var services = new ServiceCollection();
        services.AddScoped<RaytioDbContext>(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("a fault that is not the database's");
        });
        await using var provider = services.BuildServiceProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new BillingOptions { RenewalInterval = TimeSpan.FromMinutes(1) });
        using var service = new BillingRenewalService(provider.GetRequiredService<IServiceScopeFactory>(), time, options, NullLogger<BillingRenewalService>.Instance);

        await service.StartAsync(CancellationToken.None);
        for (var minute = 0; minute < 60; minute++)
        {
            await Task.Delay(20); // lets the service reach its next wait
            time.Advance(TimeSpan.FromMinutes(1));
        }
        await Task.Delay(100);

        Assert.False(service.ExecuteTask!.IsCompleted, "the scheduler stopped");
        // Waits of 1, 2, 4, 8, 16, 32 minutes: passes at minutes 1, 3, 7, 15, 31 (a pass every minute would be 60).
        Assert.InRange(Volatile.Read(ref attempts), 2, 6);
        await service.StopAsync(CancellationToken.None);
    }
}
