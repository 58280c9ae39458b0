using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>The whole graph_relationships table as comparable lines, to prove an operation left no residue.</summary>
internal static class GraphTable
{
    public static Task<List<string>> SnapshotAsync(RaytioFactory app) =>
        app.WithDbAsync(async db => (await db.GraphRelationships.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"{r.Id} {r.PId} {r.StartId} {r.EndId} {r.Type} {r.OriginId} {r.PropertiesJson} {r.CreatedAt:O}")
            .ToList());
}
