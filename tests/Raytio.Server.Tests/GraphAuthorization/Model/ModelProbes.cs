using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Tests.GraphAuthorization.Model;

/// <summary>
/// Read-only comparisons of the server with the model after a step: for every user and anonymous
/// callers, which of the sequence's objects they may view, edit, administer and own (operation 38
/// filtered by the sequence's label and by permission types), the object relationships they see,
/// their groups (52); one random (caller, object) pair through 40, 49 and 89 and one (user, group)
/// pair through 53; and the permission
/// relationships of every object the step changed (49, which also teaches the model the p_ids).
/// </summary>
internal static class ModelProbes
{
    private static readonly (Access Level, string Filter)[] Levels =
    [
        (Access.View, ""),
        (Access.Edit, ""","permissions":["IS_OWNER","ADMINS","EDITS"]"""),
        (Access.Admin, ""","permissions":["IS_OWNER","ADMINS"]"""),
        (Access.Own, ""","permissions":["IS_OWNER"]"""),
    ];

    /// <summary>The first disagreement found, or null.</summary>
    public static async Task<string?> DisagreementAsync(ModelWorld world, Random random)
    {
        var model = world.Model;
        foreach (var user in Enumerable.Range(0, model.UserCount).Select(u => (int?)u).Append(null))
        {
            foreach (var (level, filter) in user is null ? Levels[..1] : Levels)
            {
                if (await ListingDisagreementAsync(world, user, level, filter) is { } found)
                {
                    return found;
                }
            }
            if (user is { } u && await GroupsDisagreementAsync(world, u) is { } groups)
            {
                return groups;
            }
        }
        if (model.Objects.Count > 0)
        {
            var pick = random.Next(model.UserCount + 1);
            if (await SpotDisagreementAsync(world, pick == model.UserCount ? null : pick, random.Next(model.Objects.Count)) is { } spot)
            {
                return spot;
            }
        }
        if (model.Groups.Count > 0 && await GroupSpotDisagreementAsync(world, random.Next(model.UserCount), random.Next(model.Groups.Count)) is { } groupSpot)
        {
            return groupSpot;
        }
        foreach (var obj in model.Touched.Where(o => !model.Objects[o].Deleted).Order())
        {
            if (await GrantsDisagreementAsync(world, obj) is { } grants)
            {
                return grants;
            }
        }
        return null;
    }

    private static async Task<string?> ListingDisagreementAsync(ModelWorld world, int? user, Access level, string filter)
    {
        var model = world.Model;
        var who = user is { } u ? $"u{u}" : "anonymous";
        var response = await world.App.ReadObjectsAsync(world.Bearer(user), $$"""{"profile_objects":[{"label":{{JsonSerializer.Serialize(world.Schema)}}}]{{filter}}}""");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"the {level} listing of {who} answered {(int)response.StatusCode}: {text}";
        }
        var answer = JsonDocument.Parse(text).RootElement;
        var byNId = model.Objects.ToDictionary(o => o.NId, o => o.Index);
        var listed = new HashSet<int>();
        var nodeIds = new Dictionary<long, int>();
        foreach (var node in answer.GetProperty("profile_objects").EnumerateArray())
        {
            if (!byNId.TryGetValue(node.GetProperty("n_id").GetGuid(), out var obj))
            {
                return $"the {level} listing of {who} shows an object the sequence never made: {node}";
            }
            listed.Add(obj);
            nodeIds[node.GetProperty("id").GetInt64()] = obj;
        }
        var expected = model.LiveObjects.Where(o => model.AccessOf(user, o.Index) >= level).Select(o => o.Index).ToHashSet();
        if (!listed.SetEquals(expected))
        {
            return $"{who} may {level} {Objects(expected)} in the model, the server lists {Objects(listed)}";
        }
        if (level != Access.View)
        {
            return null;
        }
        // A relationship with an end outside the answer's objects stays in the set as its raw text, so it shows as a disagreement.
        var relations = answer.GetProperty("relationships").EnumerateArray()
            .Where(r => !RelationshipTypes.IsReserved(r.GetProperty("type").GetString()!))
            .Select(r => nodeIds.TryGetValue(r.GetProperty("start").GetInt64(), out var from) && nodeIds.TryGetValue(r.GetProperty("end").GetInt64(), out var to)
                ? new ModelRelation(from, to, r.GetProperty("type").GetString()!)
                : new ModelRelation(-1, -1, r.GetRawText()))
            .ToHashSet();
        var visible = model.Relations.Where(r => expected.Contains(r.From) && expected.Contains(r.To)).ToHashSet();
        return relations.SetEquals(visible) ? null
            : $"{who} sees the relationships [{string.Join(", ", visible)}] in the model, the server lists [{string.Join(", ", relations)}]";
    }

    private static async Task<string?> GroupsDisagreementAsync(ModelWorld world, int user)
    {
        var response = await world.App.GroupsAsync(world.Bearer(user));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"the groups of u{user} answered {(int)response.StatusCode}: {text}";
        }
        var groups = world.Model.Groups;
        var listed = groups.Where(g => text.Contains(g.GId.ToString(), StringComparison.OrdinalIgnoreCase)).Select(g => g.Index).ToHashSet();
        var expected = groups.Where(g => world.Model.BelongsTo(user, g.Index)).Select(g => g.Index).ToHashSet();
        return listed.SetEquals(expected) ? null
            : $"u{user} belongs to [{string.Join(", ", expected.Order().Select(g => $"g{g}"))}] in the model, the server lists [{string.Join(", ", listed.Order().Select(g => $"g{g}"))}]";
    }

    /// <summary>One object through the single-object operations: 40 answers it to viewers, 49 to administrators (403 to other viewers).</summary>
    private static async Task<string?> SpotDisagreementAsync(ModelWorld world, int? user, int obj)
    {
        var access = world.Model.AccessOf(user, obj);
        var who = user is { } u ? $"u{u}" : "anonymous";
        var read = await world.App.ObjectAsync(world.Bearer(user), world.NId(obj));
        var readExpected = access >= Access.View ? 200 : 404;
        if ((int)read.StatusCode != readExpected)
        {
            return $"40 on o{obj} as {who} (model: {access}) answered {(int)read.StatusCode}, expected {readExpected}: {await read.Content.ReadAsStringAsync()}";
        }
        var listing = await world.App.PermissionsAsync(world.Bearer(user), world.NId(obj));
        var listingExpected = user is null ? 401 : access >= Access.Admin ? 200 : access >= Access.View ? 403 : 404;
        if ((int)listing.StatusCode != listingExpected)
        {
            return $"49 on o{obj} as {who} (model: {access}) answered {(int)listing.StatusCode}, expected {listingExpected}: {await listing.Content.ReadAsStringAsync()}";
        }
        var trail = await world.App.AuditAsync(world.Bearer(user), world.NId(obj));
        var trailExpected = user is null ? 401 : access >= Access.View ? 200 : 404;
        return (int)trail.StatusCode == trailExpected ? null
            : $"89 on o{obj} as {who} (model: {access}) answered {(int)trail.StatusCode}, expected {trailExpected}: {await trail.Content.ReadAsStringAsync()}";
    }

    /// <summary>One group through 53: members and the owner read it, nobody else (deleted groups nobody).</summary>
    private static async Task<string?> GroupSpotDisagreementAsync(ModelWorld world, int user, int group)
    {
        var read = await world.App.GroupAsync(world.Bearer(user), world.GId(group));
        var expected = world.Model.SeesGroup(user, group) ? 200 : 404;
        return (int)read.StatusCode == expected ? null
            : $"53 on g{group} as u{user} answered {(int)read.StatusCode}, expected {expected}: {await read.Content.ReadAsStringAsync()}";
    }

    /// <summary>
    /// The object's permission relationships (49, read by someone who administers it) against the
    /// model's grants, by principal and type; p_ids the model already knows must be there with
    /// the same principal and type, new ones are learnt.
    /// </summary>
    private static async Task<string?> GrantsDisagreementAsync(ModelWorld world, int obj)
    {
        var model = world.Model;
        var reader = Enumerable.Range(0, model.UserCount).FirstOrDefault(u => model.AccessOf(u, obj) >= Access.Admin, -1);
        if (reader < 0)
        {
            return null;
        }
        var response = await world.App.PermissionsAsync(world.Bearer(reader), world.NId(obj));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"49 on o{obj} as u{reader} answered {(int)response.StatusCode}: {text}";
        }
        var held = new List<(Principal Principal, string Type, Guid PId)>();
        foreach (var relationship in JsonDocument.Parse(text).RootElement.GetProperty("relationships").EnumerateArray())
        {
            if (PrincipalOf(world, relationship.GetProperty("start").GetString()!) is not { } principal)
            {
                return $"49 on o{obj} names a principal the sequence does not know: {relationship}";
            }
            held.Add((principal, relationship.GetProperty("type").GetString()!, relationship.GetProperty("p_id").GetGuid()));
        }
        var grants = model.Grants.Where(g => g.Object == obj).ToList();
        var describe = $"o{obj} holds [{string.Join(", ", grants)}] in the model, the server lists [{string.Join(", ", held.Select(h => $"{h.Principal} {h.Type} {h.PId}"))}]";
        foreach (var grant in grants.Where(g => g.PId is not null))
        {
            if (!held.Remove((grant.Principal, grant.Type, grant.PId!.Value)))
            {
                return describe;
            }
        }
        foreach (var grant in grants.Where(g => g.PId is null))
        {
            var match = held.FindIndex(h => h.Principal == grant.Principal && h.Type == grant.Type);
            if (match < 0)
            {
                return describe;
            }
            grant.PId = held[match].PId;
            held.RemoveAt(match);
        }
        return held.Count == 0 ? null : describe;
    }

    private static Principal? PrincipalOf(ModelWorld world, string urn)
    {
        var parts = urn.Split(':');
        if (parts.Length != 3 || !Guid.TryParse(parts[2], out var key))
        {
            return null;
        }
        if (parts[1] == "user")
        {
            var user = Array.FindIndex(world.Users, u => u.Id == key);
            return user < 0 ? null : Principal.User(user);
        }
        if (key == PublicGroup.Key)
        {
            return Principal.Public;
        }
        var group = world.Model.Groups.FindIndex(g => g.GId == key);
        return parts[1] == "group" && group >= 0 ? Principal.Group(group) : null;
    }

    private static string Objects(IEnumerable<int> objects) => "[" + string.Join(", ", objects.Order().Select(o => $"o{o}")) + "]";
}
