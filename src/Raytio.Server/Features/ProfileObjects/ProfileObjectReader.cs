using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Operations 38-40. The list starts from the caller's permission relationships (index
/// `(start_id, type, end_id)` from each principal), keeps the profile objects among them that
/// match a filter (n_id by the unique key, label by `graph_labels`' primary key), in id order from
/// `starting_after`, so its cost follows the caller's objects, not the graph's size.
/// </summary>
public sealed class ProfileObjectReader(RaytioDbContext db, PermissionService permissions, GraphPrincipals principals, ReferenceExpander expander, AuditTrail audit)
{
    /// <summary>`{profile_objects, relationships}`, or the kvp entries when asked for.</summary>
    public async Task<JsonNode> ListAsync(Guid? user, ReadRequest request, CancellationToken cancellationToken)
    {
        var held = permissions.NodesWithTypes(user, request.Types);
        var query = db.GraphNodes.AsNoTracking().Where(n => n.Kind == NodeKind.ProfileObject && held.Contains(n.Id));
        if (request.Filters.Count > 0)
        {
            query = query.Where(Matching(request.Filters));
        }
        if (request.StartingAfter is { } after)
        {
            var afterId = await StartingAfterAsync(user, after, cancellationToken);
            query = query.Where(n => n.Id > afterId);
        }
        var nodes = await query.OrderBy(n => n.Id).Take(request.Limit).ToListAsync(cancellationToken);

        var answers = await AnswersAsync(user, nodes, request.Expand, cancellationToken);
        if (request.Format is { } format)
        {
            return new JsonArray([.. answers.Select(a => (JsonNode)format.Entry(a))]);
        }
        var relationships = await RelationshipsAsync(user, nodes, cancellationToken);
        return new JsonObject
        {
            ["profile_objects"] = new JsonArray([.. answers]),
            ["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)GraphAnswers.Relationship(r))]),
        };
    }

    /// <summary>Operation 40: one object the caller may view (404 otherwise).</summary>
    public async Task<JsonObject> OneAsync(Guid? user, Guid key, bool expand, CancellationToken cancellationToken)
    {
        var node = await permissions.RequireAsync(user, key, NodeKind.ProfileObject, Permission.View, cancellationToken);
        return (await AnswersAsync(user, [node], expand, cancellationToken))[0];
    }

    private async Task<List<JsonObject>> AnswersAsync(Guid? user, List<GraphNode> nodes, bool expand, CancellationToken cancellationToken)
    {
        var answers = nodes.Select(GraphAnswers.Node).ToList();
        var read = nodes.Select(n => n.Key).ToHashSet();
        if (expand)
        {
            await expander.ExpandAsync(user, answers, read, cancellationToken);
        }
        audit.RecordReads(user, read);
        return answers;
    }

    /// <summary>The id after which a page starts: an object the caller can see, or a 400 (never a hint that an invisible one exists).</summary>
    private async Task<long> StartingAfterAsync(Guid? user, Guid after, CancellationToken cancellationToken)
    {
        var visible = permissions.NodesWith(user, Permission.View);
        var id = await db.GraphNodes.Where(n => n.Key == after && n.Kind == NodeKind.ProfileObject && visible.Contains(n.Id))
            .Select(n => (long?)n.Id).FirstOrDefaultAsync(cancellationToken);
        return id ?? throw ApiException.Invalid("starting_after", "'starting_after' names no profile object you can see.");
    }

    /// <summary>Relationships between the returned objects, and the caller's own permission relationships to them.</summary>
    private async Task<List<GraphRelationship>> RelationshipsAsync(Guid? user, List<GraphNode> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return [];
        }
        var ids = nodes.Select(n => n.Id).ToList();
        var self = user is { } id ? await principals.ExistingUserNodeAsync(id, cancellationToken) : null;
        var types = RelationshipTypes.Permissions;
        return await db.GraphRelationships.AsNoTracking()
            .Where(r => (ids.Contains(r.StartId) && ids.Contains(r.EndId)) || (r.StartId == self && ids.Contains(r.EndId) && types.Contains(r.Type)))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Any filter: n_ids alone as one IN, labels alone as one EXISTS on graph_labels, and each
    /// (n_id, label) pair as both; values are captured, so they reach the database as parameters.
    /// </summary>
    private Expression<Func<GraphNode, bool>> Matching(IReadOnlyList<ObjectFilter> filters)
    {
        var labels = db.GraphLabels;
        var keysOnly = filters.Where(f => f.Label is null).Select(f => f.Key!.Value).Distinct().ToList();
        var labelsOnly = filters.Where(f => f.Key is null).Select(f => f.Label!).Distinct().ToList();
        var parts = new List<Expression<Func<GraphNode, bool>>>();
        if (keysOnly.Count > 0)
        {
            parts.Add(n => keysOnly.Contains(n.Key));
        }
        if (labelsOnly.Count > 0)
        {
            parts.Add(n => labels.Any(l => l.NodeId == n.Id && labelsOnly.Contains(l.Label)));
        }
        foreach (var (key, label) in filters.Where(f => f.Key is not null && f.Label is not null).Distinct())
        {
            parts.Add(KeyAndLabel(labels, key!.Value, label!));
        }
        return parts.Aggregate(Or);
    }

    private static Expression<Func<GraphNode, bool>> KeyAndLabel(IQueryable<GraphLabel> labels, Guid key, string label) =>
        n => n.Key == key && labels.Any(l => l.NodeId == n.Id && l.Label == label);

    private static Expression<Func<GraphNode, bool>> Or(Expression<Func<GraphNode, bool>> left, Expression<Func<GraphNode, bool>> right)
    {
        var node = left.Parameters[0];
        var rightBody = new ParameterSwap(right.Parameters[0], node).Visit(right.Body);
        return Expression.Lambda<Func<GraphNode, bool>>(Expression.OrElse(left.Body, rightBody), node);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression parameter) => parameter == from ? to : parameter;
    }
}
