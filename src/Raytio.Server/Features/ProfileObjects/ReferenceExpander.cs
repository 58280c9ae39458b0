using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// `expand`: a string `urn:profile_object:{n_id}` anywhere in an object's properties is replaced by
/// that object (`{id, n_id, labels, properties}`) when the caller may view it, and left as it is
/// otherwise. Expanded objects are expanded in turn, up to <see cref="MaxDepth"/> levels; a
/// reference to an object already being expanded on that path (a cycle) stays a string. One query
/// per level, whatever the number of objects.
/// </summary>
public sealed class ReferenceExpander(RaytioDbContext db, PermissionService permissions)
{
    public const int MaxDepth = 3;

    /// <summary>
    /// The deepest nesting an answer may reach (the JSON writer stops at 64). A root's properties
    /// object sits 4 containers deep in a list answer; an expansion that would nest deeper leaves
    /// the reference a string.
    /// </summary>
    private const int MaxAnswerDepth = 64;

    private const int RootPropertiesDepth = 4;

    private const string UrnPrefix = "urn:profile_object:";

    private sealed record Slot(JsonNode Parent, string? Name, int Index, Guid Key, ImmutableHashSet<Guid> Path, int ParentDepth)
    {
        public void Replace(JsonNode value)
        {
            if (Name is not null)
            {
                Parent[Name] = value;
            }
            else
            {
                Parent[Index] = value;
            }
        }
    }

    /// <summary>Expands the `properties` of each answer in place; adds the n_ids of the objects it read to <paramref name="read"/>.</summary>
    public async Task ExpandAsync(Guid? user, IEnumerable<JsonObject> answers, ISet<Guid> read, CancellationToken cancellationToken)
    {
        var level = answers.Select(a => (Tree: a["properties"], Path: ImmutableHashSet.Create(Guid.Parse((string)a["n_id"]!)), Depth: RootPropertiesDepth)).ToList();
        for (var depth = 1; depth <= MaxDepth && level.Count > 0; depth++)
        {
            var slots = new List<Slot>();
            foreach (var (tree, path, treeDepth) in level)
            {
                Collect(tree, path, treeDepth, slots);
            }
            slots.RemoveAll(s => s.Path.Contains(s.Key));
            if (slots.Count == 0)
            {
                break;
            }
            var keys = slots.Select(s => s.Key).Distinct().ToList();
            var visible = permissions.NodesWith(user, Permission.View);
            var found = await db.GraphNodes.AsNoTracking()
                .Where(n => keys.Contains(n.Key) && n.Kind == NodeKind.ProfileObject && visible.Contains(n.Id))
                .ToDictionaryAsync(n => n.Key, cancellationToken);
            var next = new List<(JsonNode?, ImmutableHashSet<Guid>, int)>();
            foreach (var slot in slots)
            {
                if (!found.TryGetValue(slot.Key, out var node))
                {
                    continue;
                }
                var expanded = GraphAnswers.Node(node);
                var propertiesDepth = slot.ParentDepth + 2;
                if (propertiesDepth - 1 + Depth(expanded["properties"]) > MaxAnswerDepth)
                {
                    continue;
                }
                slot.Replace(expanded);
                read.Add(node.Key);
                next.Add((expanded["properties"], slot.Path.Add(node.Key), propertiesDepth));
            }
            level = next;
        }
    }

    /// <summary>Containers nested in <paramref name="node"/>, itself included (0 for a scalar).</summary>
    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject members => 1 + members.Select(m => Depth(m.Value)).DefaultIfEmpty(0).Max(),
        JsonArray items => 1 + items.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    /// <summary>The references in <paramref name="node"/>, a container <paramref name="depth"/> containers deep in the answer.</summary>
    private static void Collect(JsonNode? node, ImmutableHashSet<Guid> path, int depth, List<Slot> slots)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    if (Reference(value) is { } key)
                    {
                        slots.Add(new Slot(members, name, -1, key, path, depth));
                    }
                    else
                    {
                        Collect(value, path, depth + 1, slots);
                    }
                }
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (Reference(items[i]) is { } key)
                    {
                        slots.Add(new Slot(items, null, i, key, path, depth));
                    }
                    else
                    {
                        Collect(items[i], path, depth + 1, slots);
                    }
                }
                break;
        }
    }

    private static Guid? Reference(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) && s.StartsWith(UrnPrefix, StringComparison.Ordinal)
            && Guid.TryParse(s.AsSpan(UrnPrefix.Length), out var key)
            ? key
            : null;
}
