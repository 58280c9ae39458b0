using System.Linq.Expressions;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Permissions;

/// <summary>Relationships joined with the keys and kinds of their two nodes.</summary>
public static class PermissionEdges
{
    public static IQueryable<PermissionEdge> Where(RaytioDbContext db, Expression<Func<GraphRelationship, bool>> filter) =>
        from r in db.GraphRelationships.Where(filter)
        join start in db.GraphNodes on r.StartId equals start.Id
        join end in db.GraphNodes on r.EndId equals end.Id
        orderby r.Id
        select new PermissionEdge(r.PId, r.OriginId, r.Type, start.Kind, start.Key, end.Kind, end.Key);
}
