using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// The built-in PUBLIC group: everyone, signed in or not, is treated as its member. A VIEWS grant
/// to it makes an object readable anonymously; it can hold nothing stronger than VIEWS. Requests
/// may name it by <see cref="Key"/> or by the word `PUBLIC`.
/// </summary>
public sealed class PublicGroup(IServiceScopeFactory scopes, TimeProvider time) : IStartupTask
{
    public const string Name = "PUBLIC";

    /// <summary>Its g_id, the same on every installation.</summary>
    public static readonly Guid Key = new("7075626c-6963-4000-8000-000000000000");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        if (await db.GraphNodes.AnyAsync(n => n.Key == Key, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.GraphNodes.Add(new GraphNode
        {
            Key = Key,
            Kind = NodeKind.Group,
            LabelsJson = """["Group"]""",
            PropertiesJson = """{"name":"PUBLIC"}""",
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException raced) when (raced.IsUniqueViolation())
        {
            // Another replica made it first.
        }
    }

    /// <summary>A g_id as requests give it: the word PUBLIC or a GUID.</summary>
    public static bool TryParseGroupId(string? text, out Guid groupId)
    {
        if (string.Equals(text, Name, StringComparison.OrdinalIgnoreCase))
        {
            groupId = Key;
            return true;
        }
        return Guid.TryParse(text, out groupId);
    }
}
