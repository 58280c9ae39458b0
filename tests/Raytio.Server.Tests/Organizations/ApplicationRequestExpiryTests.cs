using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Requests expire 7 days after creation: hidden at once, deleted by the cleanup pass.</summary>
public sealed class ApplicationRequestExpiryTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_request_lives_seven_days_then_is_hidden_and_the_cleanup_deletes_it()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        var admin = new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken);
        var org = await app.CreateOrgAsync(admin);
        var old = (await app.CreateRequestAsync(org)).ShortCode();
        app.Time.Advance(TimeSpan.FromDays(1));
        var younger = (await app.CreateRequestAsync(org, (await app.LoginAsync(email, password)).IdentityToken)).ShortCode();

        app.Time.Advance(TimeSpan.FromDays(6) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await PassAsync(old, younger));
        var bearer = (await app.LoginAsync(email, password)).IdentityToken;
        Assert.Equal([younger, old], await ListAsync(org, bearer));

        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([younger], await ListAsync(org, bearer));
        await (await app.PatchRequestAsync(org, old, new { state = "resend" }, bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "application_request_not_found");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ApplicationRequestChanges>().CompleteAsync(old, admin.Id, CancellationToken.None));
        }

        Assert.Equal(1, await PassAsync(old, younger));
        Assert.Equal([younger], await app.WithDbAsync(db => db.ApplicationRequests.Where(r => r.OrganizationId == org.Id).Select(r => r.ShortCode).ToListAsync()));
        Assert.Equal(0, await PassAsync(old, younger));
    }

    /// <summary>Runs a cleanup pass; answers how many of these requests it removed.</summary>
    private async Task<int> PassAsync(params string[] codes)
    {
        var before = await app.WithDbAsync(db => db.ApplicationRequests.CountAsync(r => codes.Contains(r.ShortCode)));
        await app.Services.GetRequiredService<CleanupPass>().RunAsync(CancellationToken.None);
        return before - await app.WithDbAsync(db => db.ApplicationRequests.CountAsync(r => codes.Contains(r.ShortCode)));
    }

    private async Task<List<string>> ListAsync(Org org, string bearer) =>
        [.. (await (await app.GetAsync(org.RequestsPath(), bearer)).AssertOkAsync()).EnumerateArray().Select(r => r.ShortCode())];
}
