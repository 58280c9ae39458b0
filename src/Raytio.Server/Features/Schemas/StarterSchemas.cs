using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// The system schemas a new installation starts with, shipped as `Starter/{name}.v{version}.json`
/// (embedded). At every start each one is inserted unless that name and version exist, so
/// replicas starting together and restarts are harmless, and a version an administrator already
/// wrote is never overwritten. A shipped version becomes current unless a later one exists.
/// </summary>
public sealed partial class StarterSchemas(IServiceScopeFactory scopes, IOptions<SchemaOptions> options, TimeProvider time) : IStartupTask
{
    private const string ResourcePrefix = "schemas/starter/";

    public sealed record Starter(SchemaName Name, int Version, JsonElement Document);

    /// <summary>Every shipped schema, read from the assembly.</summary>
    public static IReadOnlyList<Starter> All { get; } = Load();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var starter in All)
        {
            await using var scope = scopes.CreateAsyncScope();
            await InsertIfMissingAsync(scope.ServiceProvider.GetRequiredService<RaytioDbContext>(), starter, cancellationToken);
        }
    }

    private async Task InsertIfMissingAsync(RaytioDbContext db, Starter starter, CancellationToken cancellationToken)
    {
        var name = starter.Name.Full;
        var shared = SchemaVersion.SharedNamespace;
        if (await db.Schemas.AnyAsync(s => s.Name == name && s.NamespaceId == shared && s.Version == starter.Version, cancellationToken))
        {
            return;
        }
        var document = SchemaDocument.Prepare(starter.Document, starter.Name, options.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var later = await db.Schemas.AnyAsync(s => s.Name == name && s.NamespaceId == shared && s.Version > starter.Version, cancellationToken);
        if (!later)
        {
            await db.Schemas.Where(s => s.Name == name && s.NamespaceId == shared && s.IsCurrent)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.IsCurrent, false), cancellationToken);
        }
        db.Schemas.Add(new SchemaVersion
        {
            Id = Guid.NewGuid(),
            Name = name,
            Type = starter.Name.Type,
            Version = starter.Version,
            NamespaceId = shared,
            DocumentJson = document.ToJsonString(),
            IsCurrent = !later,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            // Another replica inserted it first; its transaction did the same work.
        }
    }

    private static List<Starter> Load()
    {
        var assembly = typeof(StarterSchemas).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource => Read(assembly, resource))];
    }

    private static Starter Read(Assembly assembly, string resource)
    {
        var match = FileName().Match(resource[ResourcePrefix.Length..]);
        var name = match.Success ? SchemaName.ParseFull(match.Groups["name"].Value) : null;
        if (name is not { Type: SchemaType.System })
        {
            throw new InvalidOperationException($"Starter schema '{resource}' is not named ss_{{name}}.v{{version}}.json.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var json = JsonDocument.Parse(stream);
        return new Starter(name.Value, int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), json.RootElement.Clone());
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_]+)\.v(?<version>[1-9][0-9]{0,5})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
