using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Features.Xero;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>Connections of the Live test host (<see cref="XeroLiveHostTests.LiveXeroFactory"/>) and what the tests read or write of them directly.</summary>
internal static class XeroLiveSeed
{
    public static async Task<TestOrg> ConnectedOrgAsync(this XeroLiveHostTests.LiveXeroFactory app)
    {
        var org = await app.CreateOrgAsync();
        await app.ConnectToXeroAsync(org);
        return org;
    }

    public static async Task ConnectToXeroAsync(this XeroLiveHostTests.LiveXeroFactory app, TestOrg org) =>
        await (await app.CallbackAsync(app.Xero.Consent(await app.ConsentPageAsync(org)))).AssertOkAsync();

    public static Task<XeroConnection> StoredConnectionAsync(this RaytioFactory app, TestOrg org) =>
        app.WithDbAsync(db => db.XeroConnections.AsNoTracking().SingleAsync(c => c.OrganizationId == org.Id));

    public static string Unprotect(this RaytioFactory app, string purpose, string value) => app.Services.GetRequiredService<SecretProtector>().Unprotect(purpose, value);

    /// <summary>Stores a new live pair under the next revision, as another replica's refresh would; returns the pair.</summary>
    public static async Task<(string Access, string Refresh)> AnotherReplicaRefreshesAsync(this XeroLiveHostTests.LiveXeroFactory app, TestOrg org)
    {
        var (theirAccess, theirRefresh) = app.Xero.IssueTokens();
        var protector = app.Services.GetRequiredService<SecretProtector>();
        var (access, refresh) = (protector.Protect(XeroConnectionTokens.AccessPurpose, theirAccess), protector.Protect(XeroConnectionTokens.RefreshPurpose, theirRefresh));
        var expires = app.Time.GetUtcNow().UtcDateTime.AddMinutes(30);
        await app.WithDbAsync(db => db.XeroConnections.Where(c => c.OrganizationId == org.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Revision, c => c.Revision + 1).SetProperty(c => c.AccessToken, access)
            .SetProperty(c => c.RefreshToken, refresh).SetProperty(c => c.AccessTokenExpiresAt, expires)));
        return (theirAccess, theirRefresh);
    }

    /// <summary>A stored ciphertext with one character changed: it no longer decrypts, as after the key ring was lost.</summary>
    public static string Corrupted(string ciphertext)
    {
        var middle = ciphertext.Length / 2;
        return string.Concat(ciphertext.AsSpan(0, middle), ciphertext[middle] == 'A' ? "B" : "A", ciphertext.AsSpan(middle + 1));
    }
}
