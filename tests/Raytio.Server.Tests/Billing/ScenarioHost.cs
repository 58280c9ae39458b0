using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// A host of its own for one scenario over simulated months, so that its clock can be set to the
/// dates its hand-computed invoices assume. Identity tokens last an hour, so each step that needs
/// an exact second first signs in a fresh administrator ten minutes before it.
/// </summary>
internal sealed class ScenarioHost : IAsyncDisposable
{
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(10);

    private ScenarioHost(RaytioFactory app) => App = app;

    public RaytioFactory App { get; }

    public static async Task<ScenarioHost> StartAsync()
    {
        var app = new RaytioFactory();
        await app.InitializeAsync();
        return new ScenarioHost(app);
    }

    /// <summary>An organisation whose default payment method is <paramref name="testCard"/> (none when null), made just before <paramref name="moment"/>; the clock is then at <paramref name="moment"/>.</summary>
    public async Task<Organizations.Org> OrgAtAsync(DateTimeOffset moment, string? testCard = "pm_card_visa")
    {
        App.Time.SetUtcNow(moment - Lead);
        var org = await App.CreateOrgAsync();
        if (testCard is not null)
        {
            await App.UseCardAsync(org, testCard);
        }
        App.Time.SetUtcNow(moment);
        return org;
    }

    /// <summary>The organisation with a fresh administrator signed in just before <paramref name="moment"/>; the clock is then at <paramref name="moment"/>.</summary>
    public async Task<Organizations.Org> AdminAtAsync(Organizations.Org org, DateTimeOffset moment)
    {
        App.Time.SetUtcNow(moment - Lead);
        var admin = await GraphUser.CreateAsync(App);
        await App.AddMemberAsync(org, admin.Id, OrganizationRole.Admin);
        App.Time.SetUtcNow(moment);
        return org with { Admin = admin };
    }

    /// <summary>The clock moves to <paramref name="moment"/>, a renewal pass runs, and the organisation gets a fresh administrator to read with.</summary>
    public async Task<Organizations.Org> RenewAtAsync(Organizations.Org org, DateTimeOffset moment)
    {
        await App.RenewAtAsync(moment);
        return await AdminNowAsync(org);
    }

    /// <summary>The organisation with a fresh administrator signed in now.</summary>
    public async Task<Organizations.Org> AdminNowAsync(Organizations.Org org)
    {
        var admin = await GraphUser.CreateAsync(App);
        await App.AddMemberAsync(org, admin.Id, OrganizationRole.Admin);
        return org with { Admin = admin };
    }

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}
