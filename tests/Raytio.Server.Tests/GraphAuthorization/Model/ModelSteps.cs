using System.Text.Json;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.GraphAuthorization.Model;

/// <summary>The server side of a sequence: its host, its users (u0, u1, ...) and the schema of its objects.</summary>
internal sealed record ModelWorld(RaytioFactory App, GraphUser[] Users, string Schema, GraphModel Model)
{
    public string? Bearer(int? user) => user is { } u ? Users[u].Bearer : null;

    public Guid UserId(Principal user) => user.Index < 0 ? Guid.Empty : Users[user.Index].Id;

    public Guid NId(int obj) => Model.Objects[obj].NId;

    public Guid GId(int group) => Model.Groups[group].GId;

    /// <summary>The JSON member naming a grantee.</summary>
    public string Grantee(Principal principal) => principal.Kind switch
    {
        PrincipalKind.Public => GraphApi.Group(PublicGroup.Key),
        PrincipalKind.Group => GraphApi.Group(GId(principal.Index)),
        _ => GraphApi.User(principal.Index < 0 ? Guid.NewGuid() : UserId(principal)),
    };
}

/// <summary>
/// One step of a sequence: what the model predicts the server answers (the status), the request,
/// and what a success changes in the model. <see cref="Caller"/> null is an anonymous caller.
/// </summary>
internal abstract record ModelStep(int? Caller)
{
    protected string Who => Caller is { } u ? $"u{u}" : "anonymous";

    public int Predict(GraphModel model) => Caller is null ? 401 : PredictSignedIn(model, Caller.Value);

    public abstract Task<HttpResponseMessage> SendAsync(ModelWorld world);

    /// <summary>Applies a success to the model; answers what in the server's answer disagrees with it, if anything.</summary>
    public abstract string? Apply(ModelWorld world, JsonElement answer);

    protected abstract int PredictSignedIn(GraphModel model, int caller);
}

internal sealed record CreateObject(int? Caller) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} creates an object";

    protected override int PredictSignedIn(GraphModel model, int caller) => 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) =>
        world.App.CreateObjectAsync(world.Bearer(Caller), world.Schema, $$"""{"name":"o{{world.Model.Objects.Count}}"}""");

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        var made = new ModelObject(world.Model.Objects.Count) { NId = answer.GetProperty("n_id").GetGuid() };
        world.Model.Objects.Add(made);
        world.Model.AddGrant(Principal.User(Caller!.Value), made.Index, GraphModel.Owner);
        return null;
    }
}

internal sealed record DeleteObject(int? Caller, int Object) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} deletes o{Object}";

    protected override int PredictSignedIn(GraphModel model, int caller) => model.Require(caller, Object, Access.Own) ?? 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.DeleteObjectAsync(world.Bearer(Caller), world.NId(Object));

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        var model = world.Model;
        model.Objects[Object].Deleted = true;
        model.RemoveGrants(g => g.Object == Object);
        model.Relations.RemoveWhere(r => r.From == Object || r.To == Object);
        model.Touched.Remove(Object);
        return null;
    }
}

/// <summary>62: ADMINS on both ends, the `from` end checked first; the same (from, to, type) twice is a conflict.</summary>
internal sealed record Relate(int? Caller, int From, int To, string Type) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} relates o{From} -{Type}-> o{To}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        model.Require(caller, From, Access.Admin) ?? model.Require(caller, To, Access.Admin)
        ?? (model.Relations.Contains(new ModelRelation(From, To, Type)) ? 409 : 200);

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.RelateAsync(world.Bearer(Caller), world.NId(From), world.NId(To), Type);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Relations.Add(new ModelRelation(From, To, Type));
        return null;
    }
}

internal sealed record Unrelate(int? Caller, int From, int To, string Type) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} removes o{From} -{Type}-> o{To}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        model.Require(caller, From, Access.Admin) ?? model.Require(caller, To, Access.Admin)
        ?? (model.Relations.Contains(new ModelRelation(From, To, Type)) ? 200 : 404);

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.UnrelateAsync(world.Bearer(Caller), world.NId(From), world.NId(To), Type);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Relations.Remove(new ModelRelation(From, To, Type));
        return null;
    }
}

/// <summary>
/// 48: ADMINS on the object; an unknown or deleted grantee 404, PUBLIC only VIEWS (400); a direct
/// grant the principal already holds answers itself; a cascade is a snapshot of what the caller
/// administers now.
/// </summary>
internal sealed record Grant(int? Caller, int Object, Principal Grantee, string Permission, bool Cascade) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} grants {Permission} on o{Object} to {Grantee}" + (Cascade ? " with cascade" : "");

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        model.Require(caller, Object, Access.Admin) ?? Grantee switch
        {
            { Kind: PrincipalKind.User, Index: < 0 } => 404,
            { Kind: PrincipalKind.Group } group when model.Groups[group.Index].Deleted => 404,
            { Kind: PrincipalKind.Public } when Permission != GraphModel.Views => 400,
            _ => 200,
        };

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) =>
        world.App.GrantAsync(world.Bearer(Caller), world.NId(Object), world.Grantee(Grantee), Permission, Cascade);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        var model = world.Model;
        if (model.Grants.Any(g => g.Principal == Grantee && g.Object == Object && g.Type == Permission && g.Origin == g.Id))
        {
            return null;
        }
        var (granted, skipped) = Cascade ? model.Cascade(Caller!.Value, Object) : ([], []);
        var visibleSkips = skipped.Where(o => model.AccessOf(Caller, o) >= Access.View).Select(world.NId).ToHashSet();
        var direct = model.AddGrant(Grantee, Object, Permission);
        foreach (var target in granted)
        {
            model.AddGrant(Grantee, target, Permission, direct.Id);
        }
        var answered = answer.TryGetProperty("skipped", out var list) ? list.EnumerateArray().Select(s => s.GetGuid()).ToHashSet() : [];
        return answered.SetEquals(visibleSkips) ? null
            : $"the answer's skipped [{string.Join(", ", answered)}] is not the visible skipped objects [{string.Join(", ", visibleSkips)}]";
    }
}

/// <summary>50: ADMINS on the grant's object; IS_OWNER cannot be revoked here (400); a grant takes what its cascade made with it.</summary>
internal sealed record Revoke(int? Caller, ModelGrant Target) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} revokes {Target}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        !model.Grants.Contains(Target) ? 404
        : model.Require(caller, Target.Object, Access.Admin) ?? (Target.Type == GraphModel.Owner ? 400 : 200);

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.RevokeAsync(world.Bearer(Caller), Target.PId!.Value);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.RemoveGrants(g => g == Target || g.Origin == Target.Id);
        return null;
    }
}

internal sealed record CreateGroup(int? Caller) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} creates a group";

    protected override int PredictSignedIn(GraphModel model, int caller) => 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.CreateGroupAsync(world.Bearer(Caller), $"g{world.Model.Groups.Count}");

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Groups.Add(new ModelGroup(world.Model.Groups.Count, Caller!.Value)
        {
            GId = answer.GetProperty("profile_objects")[0].GetProperty("g_id").GetGuid(),
        });
        return null;
    }
}

/// <summary>56: the owner adds (no ADMINS on groups in the model); members may not, strangers do not see the group.</summary>
internal sealed record AddMember(int? Caller, int Group, int Member) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} adds u{Member} to g{Group}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        !model.SeesGroup(caller, Group) ? 404 : model.Groups[Group].Owner != caller ? 403 : 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.AddMemberAsync(world.Bearer(Caller), world.GId(Group), world.Users[Member].Id);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Groups[Group].Members.Add(Member);
        return null;
    }
}

/// <summary>57: the owner removes anyone, a member themselves.</summary>
internal sealed record RemoveMember(int? Caller, int Group, int Member) : ModelStep(Caller)
{
    public override string ToString() => Caller == Member ? $"{Who} leaves g{Group}" : $"{Who} removes u{Member} from g{Group}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        !model.SeesGroup(caller, Group) ? 404 : model.Groups[Group].Owner != caller && caller != Member ? 403 : 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.RemoveMemberAsync(world.Bearer(Caller), world.GId(Group), world.Users[Member].Id);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Groups[Group].Members.Remove(Member);
        return null;
    }
}

/// <summary>55: owner only; every grant to the group goes, cascaded ones included.</summary>
internal sealed record DeleteGroup(int? Caller, int Group) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} deletes g{Group}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        !model.SeesGroup(caller, Group) ? 404 : model.Groups[Group].Owner != caller ? 403 : 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.DeleteGroupAsync(world.Bearer(Caller), world.GId(Group));

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Groups[Group].Deleted = true;
        world.Model.RemoveGrants(g => g.Principal == Principal.Group(Group));
        return null;
    }
}

/// <summary>54: owner only; the new owner also becomes a member, the old one stays a member.</summary>
internal sealed record TransferGroup(int? Caller, int Group, int NewOwner) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} gives g{Group} to u{NewOwner}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        !model.SeesGroup(caller, Group) ? 404 : model.Groups[Group].Owner != caller ? 403 : 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.TransferGroupAsync(world.Bearer(Caller), world.GId(Group), world.Users[NewOwner].Id);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.Groups[Group].Owner = NewOwner;
        world.Model.Groups[Group].Members.Add(NewOwner);
        return null;
    }
}

/// <summary>59: ADMINS (directly or through a group) on an object nobody owns; 409 when it is owned.</summary>
internal sealed record TakeOwnership(int? Caller, int Object) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} takes o{Object}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        model.Require(caller, Object, Access.Admin) ?? (model.OwnerGrant(Object) is null ? 200 : 409);

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.TakeOwnershipAsync(world.Bearer(Caller), world.NId(Object));

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.AddGrant(Principal.User(Caller!.Value), Object, GraphModel.Owner);
        return null;
    }
}

/// <summary>60: owner only; IS_OWNER moves to the new owner, other grants stay.</summary>
internal sealed record TransferOwnership(int? Caller, int Object, int NewOwner) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} gives o{Object} to u{NewOwner}";

    protected override int PredictSignedIn(GraphModel model, int caller) => model.Require(caller, Object, Access.Own) ?? 200;

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.TransferOwnershipAsync(world.Bearer(Caller), world.NId(Object), world.Users[NewOwner].Id);

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.RemoveGrants(g => g.Object == Object && g.Type == GraphModel.Owner);
        world.Model.AddGrant(Principal.User(NewOwner), Object, GraphModel.Owner);
        return null;
    }
}

/// <summary>61: owner only; 409 unless another user or a group holds ADMINS on the object.</summary>
internal sealed record GiveUpOwnership(int? Caller, int Object) : ModelStep(Caller)
{
    public override string ToString() => $"{Who} gives up o{Object}";

    protected override int PredictSignedIn(GraphModel model, int caller) =>
        model.Require(caller, Object, Access.Own)
        ?? (model.Grants.Any(g => g.Object == Object && g.Type == GraphModel.Admins && g.Principal != Principal.User(caller)) ? 200 : 409);

    public override Task<HttpResponseMessage> SendAsync(ModelWorld world) => world.App.GiveUpOwnershipAsync(world.Bearer(Caller), world.NId(Object));

    public override string? Apply(ModelWorld world, JsonElement answer)
    {
        world.Model.RemoveGrants(g => g.Object == Object && g.Type == GraphModel.Owner);
        return null;
    }
}
