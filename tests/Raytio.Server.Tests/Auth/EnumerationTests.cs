using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Raytio.Server.Features.Auth;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>
/// Signup and password reset do the same work whether or not the account exists, so neither the
/// answer nor its timing tells. Counted, not timed: password hashes, database writes (saves and
/// bulk statements) and emails per request. The remaining timing gap is measured in bench/.
/// </summary>
public sealed class EnumerationTests(EnumerationTests.CountingFactory app) : IClassFixture<EnumerationTests.CountingFactory>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Signup_costs_the_same_for_a_new_an_unconfirmed_and_a_confirmed_account()
    {
        var (confirmed, _) = await app.CreateVerifiedUserAsync();
        var unconfirmed = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = unconfirmed, password = Password })).AssertOkAsync();

        var forNew = await app.WorkOfAsync(() => app.PostJsonAsync("/oauth/v1/signup", new { username = RaytioFactory.NewEmail(), password = Password }));
        var forUnconfirmed = await app.WorkOfAsync(() => app.PostJsonAsync("/oauth/v1/signup", new { username = unconfirmed, password = Password }));
        var forConfirmed = await app.WorkOfAsync(() => app.PostJsonAsync("/oauth/v1/signup", new { username = confirmed, password = Password }));

        Assert.Equal(new Work(Hashes: 1, Saves: 1, BulkWrites: 2, Emails: 1), forNew);
        Assert.Equal(forNew, forUnconfirmed);
        Assert.Equal(forNew, forConfirmed);
    }

    [Fact]
    public async Task Password_reset_costs_the_same_for_an_existing_and_an_unknown_account()
    {
        var (existing, _) = await app.CreateVerifiedUserAsync();

        var forExisting = await app.WorkOfAsync(() => app.PostJsonAsync("/oauth/v1/password-reset", new { username = existing }));
        var forUnknown = await app.WorkOfAsync(() => app.PostJsonAsync("/oauth/v1/password-reset", new { username = RaytioFactory.NewEmail() }));

        Assert.Equal(new Work(Hashes: 0, Saves: 1, BulkWrites: 2, Emails: 1), forExisting);
        Assert.Equal(forExisting, forUnknown);
    }

    public sealed record Work(int Hashes, int Saves, int BulkWrites, int Emails);

    public sealed class CountingFactory : RaytioFactory
    {
        private readonly WriteCounter _writes = new();
        private int _hashes;

        public async Task<Work> WorkOfAsync(Func<Task<HttpResponseMessage>> request)
        {
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, subscribe) =>
            {
                if (instrument.Name == PasswordService.HashCounterName && ReferenceEquals(instrument.Meter.Scope, Services.GetRequiredService<IMeterFactory>()))
                {
                    subscribe.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _hashes, (int)value));
            listener.Start();
            var (hashesBefore, savesBefore, bulkBefore, emailsBefore) = (_hashes, _writes.Saves, _writes.BulkWrites, _writes.Emails);

            await (await request()).AssertOkAsync();

            return new Work(_hashes - hashesBefore, _writes.Saves - savesBefore, _writes.BulkWrites - bulkBefore, _writes.Emails - emailsBefore);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                // Only this counter: the dispatcher stays asleep (no wake-ups, fake clock), so
                // every write counted belongs to the request.
                services.RemoveAll<IInterceptor>();
                services.AddSingleton<IInterceptor>(_writes);
            });
        }
    }

    /// <summary>Saves (with the emails they add) and statements that write outside a save.</summary>
    private sealed class WriteCounter : DbCommandInterceptor, ISaveChangesInterceptor
    {
        private readonly AsyncLocal<bool> _insideSave = new();
        private int _saves;
        private int _bulkWrites;
        private int _emails;

        public int Saves => _saves;

        public int BulkWrites => _bulkWrites;

        public int Emails => _emails;

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _insideSave.Value = true;
            Interlocked.Increment(ref _saves);
            Interlocked.Add(ref _emails, eventData.Context!.ChangeTracker.Entries<OutgoingEmail>().Count(e => e.State == EntityState.Added));
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            _insideSave.Value = false;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_insideSave.Value)
            {
                Interlocked.Increment(ref _bulkWrites);
            }
            return ValueTask.FromResult(result);
        }
    }
}
