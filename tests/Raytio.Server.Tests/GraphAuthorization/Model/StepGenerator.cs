namespace Raytio.Server.Tests.GraphAuthorization.Model;

/// <summary>
/// Random steps over the model's current state, seeded. Callers are mostly users who hold what the
/// step needs, so that successes are common, sometimes anyone or nobody (anonymous). The generator
/// stays inside what docs/GRAPH.md decides: where two refusals would both be right (e.g. revoking
/// IS_OWNER without seeing the object: 404 or 400), it does not make the step.
/// </summary>
internal sealed class StepGenerator(GraphModel model, Random random)
{
    private static readonly string[] RelationshipTypes = ["PART_OF", "LINKS"];
    private static readonly string[] Grantable = [GraphModel.Admins, GraphModel.Edits, GraphModel.Views];

    public ModelStep Next()
    {
        (int Weight, Func<ModelStep?> Make)[] kinds =
        [
            (model.LiveObjects.Count() < 2 * model.UserCount ? 40 : 10, MakeCreateObject),
            (4, MakeDeleteObject),
            (24, MakeRelate),
            (5, MakeUnrelate),
            (22, MakeGrant),
            (10, MakeRevoke),
            (model.Groups.Count(g => !g.Deleted) < 2 ? 10 : 3, () => new CreateGroup(Caller(_ => true))),
            (8, MakeAddMember),
            (5, MakeRemoveMember),
            (2, MakeDeleteGroup),
            (2, MakeTransferGroup),
            (5, MakeTake),
            (4, MakeTransferOwnership),
            (5, MakeGiveUp),
        ];
        while (true)
        {
            var roll = random.Next(kinds.Sum(k => k.Weight));
            var kind = kinds.First(k => (roll -= k.Weight) < 0);
            if (kind.Make() is { } step)
            {
                return step;
            }
        }
    }

    private ModelStep MakeCreateObject() => new CreateObject(random.Next(20) == 0 ? null : random.Next(model.UserCount));

    private ModelStep? MakeDeleteObject() => Object() is { } obj ? new DeleteObject(Caller(u => model.AccessOf(u, obj) == Access.Own), obj) : null;

    private ModelStep? MakeRelate()
    {
        var caller = Caller(u => model.LiveObjects.Count(o => model.AccessOf(u, o.Index) >= Access.Admin) >= 2);
        var held = model.LiveObjects.Where(o => model.AccessOf(caller, o.Index) >= Access.Admin).Select(o => o.Index).ToList();
        var (from, to) = held.Count >= 2 && random.Next(6) > 0
            ? (Pick(held), Pick(held))
            : (Object(), Object());
        return from is not { } f || to is not { } t || f == t || EndsDisagree(caller, f, t) ? null : new Relate(caller, f, t, Pick(RelationshipTypes));
    }

    private ModelStep? MakeUnrelate()
    {
        if (model.Relations.Count == 0 || random.Next(5) == 0)
        {
            var caller = Caller(_ => true);
            return Object() is { } from && Object() is { } to && from != to && !EndsDisagree(caller, from, to)
                ? new Unrelate(caller, from, to, Pick(RelationshipTypes)) : null;
        }
        var relation = Pick(model.Relations.OrderBy(r => (r.From, r.To, r.Type)).ToList());
        var chosen = Caller(u => model.AccessOf(u, relation.From) >= Access.Admin && model.AccessOf(u, relation.To) >= Access.Admin);
        return EndsDisagree(chosen, relation.From, relation.To) ? null : new Unrelate(chosen, relation.From, relation.To, relation.Type);
    }

    /// <summary>
    /// One end of a relationship invisible to the caller (404) and the other visible but not
    /// administered (403): which the server reports depends on the order it checks the ends, and
    /// neither reveals anything, so such steps are not made.
    /// </summary>
    private bool EndsDisagree(int? caller, int from, int to) =>
        caller is { } c && model.Require(c, from, Access.Admin) is { } a && model.Require(c, to, Access.Admin) is { } b && a != b;

    private ModelStep? MakeGrant()
    {
        var caller = Caller(u => model.LiveObjects.Any(o => model.AccessOf(u, o.Index) >= Access.Admin));
        var cascade = random.Next(3) > 0;
        if (((cascade ? CascadeRoot(caller) : null) ?? ObjectFor(caller, Access.Admin)) is not { } obj)
        {
            return null;
        }
        var administers = caller is { } c && model.AccessOf(c, obj) >= Access.Admin;
        var permission = Pick(Grantable);
        var roll = random.Next(100);
        Principal grantee;
        if (roll < 55 || model.Groups.Count == 0)
        {
            // Mostly someone who holds nothing on it yet, so that access spreads.
            var strangers = Enumerable.Range(0, model.UserCount).Where(u => model.AccessOf(u, obj) == Access.None).ToList();
            grantee = Principal.User(strangers.Count > 0 && random.Next(3) > 0 ? Pick(strangers) : random.Next(model.UserCount));
        }
        else if (roll < 85)
        {
            grantee = Principal.Group(random.Next(model.Groups.Count));
        }
        else if (roll < 97)
        {
            grantee = Principal.Public;
            permission = random.Next(4) == 0 ? permission : GraphModel.Views;
        }
        else
        {
            grantee = Principal.UnknownUser;
        }
        // Which of two refusals comes first is not the contract's: a bad grantee only when the object check passes.
        var badGrantee = grantee == Principal.UnknownUser
            || (grantee.Kind == PrincipalKind.Group && model.Groups[grantee.Index].Deleted)
            || (grantee == Principal.Public && permission != GraphModel.Views);
        return badGrantee && !administers ? null : new Grant(caller, obj, grantee, permission, cascade);
    }

    private ModelStep? MakeRevoke()
    {
        var known = model.Grants.Concat(model.Gone.Where(_ => random.Next(8) == 0)).Where(g => g.PId is not null).OrderBy(g => g.Id).ToList();
        if (known.Count == 0)
        {
            return null;
        }
        var grant = Pick(known);
        if (grant.Type == GraphModel.Owner && random.Next(4) > 0)
        {
            return null;
        }
        var caller = Caller(u => model.AccessOf(u, grant.Object) >= Access.Admin);
        var live = model.Grants.Contains(grant);
        // IS_OWNER only by a caller who sees the object: otherwise 404 and 400 would both be right.
        return live && grant.Type == GraphModel.Owner && !(caller is { } c && model.AccessOf(c, grant.Object) >= Access.Admin) ? null : new Revoke(caller, grant);
    }

    private ModelStep? MakeAddMember()
    {
        if (Group() is not { } group)
        {
            return null;
        }
        var outsiders = Enumerable.Range(0, model.UserCount).Where(u => !model.Groups[group].Members.Contains(u)).ToList();
        return outsiders.Count == 0 ? null : new AddMember(Caller(u => model.Groups[group].Owner == u), group, Pick(outsiders));
    }

    private ModelStep? MakeRemoveMember()
    {
        if (Group() is not { } group || model.Groups[group].Members.Count == 0)
        {
            return null;
        }
        var member = Pick(model.Groups[group].Members.Order().ToList());
        return new RemoveMember(random.Next(3) == 0 ? member : Caller(u => model.Groups[group].Owner == u), group, member);
    }

    private ModelStep? MakeDeleteGroup() => Group() is { } group ? new DeleteGroup(Caller(u => model.Groups[group].Owner == u), group) : null;

    private ModelStep? MakeTransferGroup()
    {
        if (Group() is not { } group)
        {
            return null;
        }
        var others = Enumerable.Range(0, model.UserCount).Where(u => u != model.Groups[group].Owner).ToList();
        return new TransferGroup(Caller(u => model.Groups[group].Owner == u), group, Pick(others));
    }

    /// <summary>Mostly an object nobody owns (one whose owner gave it up), so that takes succeed too.</summary>
    private ModelStep? MakeTake()
    {
        var unowned = model.LiveObjects.Where(o => model.OwnerGrant(o.Index) is null).ToList();
        var target = unowned.Count > 0 && random.Next(3) > 0 ? Pick(unowned).Index : random.Next(3) == 0 ? Object() : null;
        return target is { } obj ? new TakeOwnership(Caller(u => model.AccessOf(u, obj) >= Access.Admin), obj) : null;
    }

    private ModelStep? MakeTransferOwnership()
    {
        if (Object() is not { } obj)
        {
            return null;
        }
        var owner = model.OwnerGrant(obj)?.Principal.Index;
        var others = Enumerable.Range(0, model.UserCount).Where(u => u != owner).ToList();
        return new TransferOwnership(Caller(u => u == owner), obj, Pick(others));
    }

    private ModelStep? MakeGiveUp() => Object() is { } obj ? new GiveUpOwnership(Caller(u => model.AccessOf(u, obj) == Access.Own), obj) : null;

    /// <summary>
    /// Mostly an object the caller administers with sub objects, preferring one with a sub object
    /// they do not administer (where the cascade must stop); null for none.
    /// </summary>
    private int? CascadeRoot(int? caller)
    {
        if (caller is not { } c || random.Next(4) == 0)
        {
            return null;
        }
        var parents = model.LiveObjects.Select(o => o.Index)
            .Where(o => model.AccessOf(c, o) >= Access.Admin && model.Relations.Any(r => r.From == o)).ToList();
        var stopping = parents.Where(o => model.Relations.Any(r => r.From == o && model.AccessOf(c, r.To) < Access.Admin)).ToList();
        var shown = stopping.Where(o => model.Relations.Any(r => r.From == o && model.AccessOf(c, r.To) is Access.View or Access.Edit)).ToList();
        return shown.Count > 0 && random.Next(3) > 0 ? Pick(shown)
            : stopping.Count > 0 && random.Next(3) > 0 ? Pick(stopping)
            : parents.Count > 0 ? Pick(parents) : null;
    }

    /// <summary>Three times in four an object the caller holds at least <paramref name="needed"/> on (if any), else any.</summary>
    private int? ObjectFor(int? caller, Access needed)
    {
        var held = model.LiveObjects.Where(o => model.AccessOf(caller, o.Index) >= needed).ToList();
        return held.Count > 0 && random.Next(4) > 0 ? Pick(held).Index : Object();
    }

    /// <summary>A live object mostly, sometimes a deleted one; null when there is none.</summary>
    private int? Object()
    {
        var deleted = model.Objects.Where(o => o.Deleted).ToList();
        if (deleted.Count > 0 && random.Next(12) == 0)
        {
            return Pick(deleted).Index;
        }
        var live = model.LiveObjects.ToList();
        return live.Count == 0 ? null : Pick(live).Index;
    }

    /// <summary>Any group (deleted ones sometimes); null when none was made.</summary>
    private int? Group()
    {
        var groups = model.Groups.Where(g => !g.Deleted || random.Next(6) == 0).ToList();
        return groups.Count == 0 ? null : Pick(groups).Index;
    }

    /// <summary>Anonymous 1 in 20; else, two times in three, a user for whom <paramref name="fits"/> holds (if any); else anyone.</summary>
    private int? Caller(Func<int, bool> fits)
    {
        if (random.Next(20) == 0)
        {
            return null;
        }
        var fitting = Enumerable.Range(0, model.UserCount).Where(fits).ToList();
        return fitting.Count > 0 && random.Next(3) > 0 ? Pick(fitting) : random.Next(model.UserCount);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
