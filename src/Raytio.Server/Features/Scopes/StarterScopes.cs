using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Scopes;

/// <summary>
/// The resource servers a new installation starts with (the reference's `profile-oauth/read_profile`),
/// so applications can be created before an administrator sets any. A server is inserted with its
/// scopes only when missing: what an administrator set with operation 87 is never overwritten.
/// </summary>
public sealed class StarterScopes(IServiceScopeFactory scopes, TimeProvider time) : IStartupTask
{
    public static IReadOnlyList<(string Id, string Name, (string Name, string Description)[] Scopes)> All { get; } =
    [
        ("profile-oauth", "Profile", [("read_profile", "Read the profile objects a person shares with the application")]),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        foreach (var (id, name, serverScopes) in All)
        {
            if (await db.ResourceServers.AnyAsync(s => s.Id == id, cancellationToken))
            {
                continue;
            }
            db.ResourceServers.Add(new ResourceServer { Id = id, Name = name, UpdatedAt = time.UtcNowInMicroseconds() });
            db.ResourceServerScopes.AddRange(serverScopes.Select(s => new ResourceServerScope { ServerId = id, Name = s.Name, Description = s.Description }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException raced) when (raced.IsUniqueViolation())
            {
                // Another replica inserted it first.
                db.ChangeTracker.Clear();
            }
        }
    }
}
