using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Random 256-bit secrets the server makes once and every replica shares (e.g. the HMAC key of
/// one-time codes), stored in server_secrets protected by <see cref="SecretProtector"/> and kept
/// in memory once read.
/// </summary>
public sealed class ServerSecrets(IServiceScopeFactory scopes, SecretProtector protector, TimeProvider time)
{
    public const int Length = 32;

    private readonly ConcurrentDictionary<string, byte[]> _loaded = new(StringComparer.Ordinal);

    public async ValueTask<byte[]> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(name, out var secret))
        {
            return secret;
        }
        return _loaded.GetOrAdd(name, await LoadOrCreateAsync(name, cancellationToken));
    }

    private async Task<byte[]> LoadOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var stored = await ReadAsync(db, name, cancellationToken);
        if (stored is null)
        {
            var created = protector.Protect(Purpose(name), Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)));
            db.ServerSecrets.Add(new ServerSecret { Name = name, ProtectedValue = created, CreatedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored = created;
            }
            catch (DbUpdateException raced)
            {
                // Another replica stored it first: everyone uses the stored one.
                db.ChangeTracker.Clear();
                stored = await ReadAsync(db, name, cancellationToken) ?? throw new InvalidOperationException($"The server secret '{name}' could not be stored.", raced);
            }
        }
        return Convert.FromBase64String(protector.Unprotect(Purpose(name), stored));
    }

    private static Task<string?> ReadAsync(RaytioDbContext db, string name, CancellationToken cancellationToken) =>
        db.ServerSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).FirstOrDefaultAsync(cancellationToken);

    private static string Purpose(string name) => "server-secret:" + name;
}
