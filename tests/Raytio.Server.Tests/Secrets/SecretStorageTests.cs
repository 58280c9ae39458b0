using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Secrets;

public sealed class SecretStorageTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public void A_protected_secret_unprotects_only_for_its_purpose()
    {
        var secrets = app.Services.GetRequiredService<SecretProtector>();

        var stored = secrets.Protect("provider-credential", "the client secret");

        Assert.DoesNotContain("the client secret", stored, StringComparison.Ordinal);
        Assert.Equal("the client secret", secrets.Unprotect("provider-credential", stored));
        Assert.ThrowsAny<CryptographicException>(() => secrets.Unprotect("oauth-token", stored));
    }

    [Fact]
    public async Task The_key_ring_lives_in_the_database_not_the_data_folder()
    {
        app.Services.GetRequiredService<SecretProtector>().Protect("any", "value");

        Assert.NotEmpty(await app.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
        var dataDirectory = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Raytio.Server.Hosting.RaytioOptions>>().Value.DataDirectory;
        Assert.False(Directory.Exists(Path.Combine(dataDirectory, "data-protection")));
    }

    [Fact]
    public async Task A_server_secret_is_made_once_stored_protected_and_shared()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        var secrets = app.Services.GetRequiredService<ServerSecrets>();

        var first = await secrets.GetAsync(name, CancellationToken.None);

        Assert.Equal(ServerSecrets.Length, first.Length);
        Assert.Same(first, await secrets.GetAsync(name, CancellationToken.None));
        // Another replica (a fresh instance over the same database) reads the same secret.
        var replica = new ServerSecrets(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<SecretProtector>(), app.Time);
        Assert.Equal(first, await replica.GetAsync(name, CancellationToken.None));
        var stored = await app.WithDbAsync(db => db.ServerSecrets.Where(s => s.Name == name).Select(s => s.ProtectedValue).SingleAsync());
        Assert.DoesNotContain(Convert.ToBase64String(first), stored, StringComparison.Ordinal);
    }
}
