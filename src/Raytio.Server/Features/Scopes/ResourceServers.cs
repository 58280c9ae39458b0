using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Administration;
using Raytio.Server.Features.Audit;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Scopes;

/// <summary>
/// Resource servers and their scopes (operations 86-88). Anyone signed in reads them (an
/// application's creator picks its scopes from them); only installation administrators set them.
/// </summary>
public sealed partial class ResourceServers(RaytioDbContext db, InstallationAdministrators administrators, AuditTrail audit, TimeProvider time)
{
    public const int MaxScopes = 100;
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 1000;

    public async Task<ResourceServerAnswer> ReadAsync(string? serverId, string? serverName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serverId) && string.IsNullOrWhiteSpace(serverName))
        {
            throw ApiException.Invalid("resource_server_id", "'resource_server_id' or 'resource_server_name' is required.");
        }
        var servers = db.ResourceServers.AsNoTracking();
        var server = await (string.IsNullOrWhiteSpace(serverId)
                ? servers.Where(s => s.Name == serverName!.Trim()).OrderBy(s => s.Id)
                : servers.Where(s => s.Id == serverId.Trim()))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("resource_server_not_found", "No such resource server.");
        return (await AnswerAsync([server], cancellationToken))[0];
    }

    public async Task<ResourceServersAnswer> ListAsync(CancellationToken cancellationToken)
    {
        var servers = await db.ResourceServers.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return new ResourceServersAnswer(await AnswerAsync(servers, cancellationToken));
    }

    /// <summary>Creates the server or replaces its name and its whole list of scopes with the body's.</summary>
    public async Task<ResourceServerAnswer> PutAsync(Guid caller, ResourceServerBody body, CancellationToken cancellationToken)
    {
        var (id, name, scopes) = Check(body);
        if (!await administrators.IsAdministratorAsync(caller, cancellationToken))
        {
            throw ApiException.Forbidden("forbidden", "Only installation administrators may set a resource server's scopes.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var server = await db.ResourceServers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (server is null)
        {
            db.ResourceServers.Add(server = new ResourceServer { Id = id, Name = name });
        }
        server.Name = name;
        server.UpdatedAt = time.UtcNowInMicroseconds();
        await db.ResourceServerScopes.Where(s => s.ServerId == id).ExecuteDeleteAsync(cancellationToken);
        db.ResourceServerScopes.AddRange(scopes.Select(s => new ResourceServerScope { ServerId = id, Name = s.ScopeName, Description = s.ScopeDescription }));
        audit.Record(AuditEventTypes.ResourceServerScopesSet, caller, caller, new JsonObject { ["resource_server_id"] = id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ResourceServerAnswer(scopes, name, id);
    }

    private static (string Id, string Name, List<ScopeAnswer> Scopes) Check(ResourceServerBody body)
    {
        var validation = new Validation().Required("resource_server_id", body.ResourceServerId).Required("resource_server_name", body.ResourceServerName);
        var id = body.ResourceServerId?.Trim() ?? "";
        if (id.Length > 0 && (id.Length > MaxIdLength || !Identifier().IsMatch(id)))
        {
            validation.Add("resource_server_id", $"'resource_server_id' must be at most {MaxIdLength} letters, digits, '-', '_' or '.'.");
        }
        var name = body.ResourceServerName?.Trim() ?? "";
        if (name.Length > MaxNameLength)
        {
            validation.Add("resource_server_name", $"'resource_server_name' must be at most {MaxNameLength} characters.");
        }
        var scopes = new List<ScopeAnswer>();
        if (body.Scopes is null || body.Scopes.Count > MaxScopes)
        {
            validation.Add("scopes", $"'scopes' must be an array of at most {MaxScopes} {{scope_name, scope_description}}.");
        }
        else
        {
            for (var i = 0; i < body.Scopes.Count; i++)
            {
                var scope = body.Scopes[i];
                var scopeName = scope?.ScopeName?.Trim() ?? "";
                if (scopeName.Length == 0 || scopeName.Length > MaxIdLength || !Identifier().IsMatch(scopeName))
                {
                    validation.Add($"scopes[{i}].scope_name", $"'scopes[{i}].scope_name' must be 1 to {MaxIdLength} letters, digits, '-', '_' or '.'.");
                }
                else if (scopes.Any(s => s.ScopeName == scopeName))
                {
                    validation.Add($"scopes[{i}].scope_name", $"'scopes[{i}].scope_name' repeats '{scopeName}'.");
                }
                var description = scope?.ScopeDescription?.Trim() ?? "";
                if (description.Length > MaxDescriptionLength)
                {
                    validation.Add($"scopes[{i}].scope_description", $"'scopes[{i}].scope_description' must be at most {MaxDescriptionLength} characters.");
                }
                scopes.Add(new ScopeAnswer(scopeName, description));
            }
        }
        validation.ThrowIfAny();
        return (id, name, scopes);
    }

    private async Task<List<ResourceServerAnswer>> AnswerAsync(List<ResourceServer> servers, CancellationToken cancellationToken)
    {
        var ids = servers.Select(s => s.Id).ToList();
        var scopes = await db.ResourceServerScopes.AsNoTracking().Where(s => ids.Contains(s.ServerId)).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return [.. servers.Select(server => new ResourceServerAnswer(
            [.. scopes.Where(s => s.ServerId == server.Id).Select(s => new ScopeAnswer(s.Name, s.Description))], server.Name, server.Id))];
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Identifier();
}
