using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.GraphAuthorization;

/// <summary>
/// The accounts and groups of the matrix, made once per host, and the fixtures each check starts
/// from. The users holding roles never change; objects and groups under test are made fresh for
/// operations that change them.
/// </summary>
internal sealed class MatrixCast
{
    public const string RelationshipType = "PART_OF";

    private readonly RaytioFactory _app;
    private readonly Dictionary<(Setup, bool), Subject> _shared = [];

    private MatrixCast(RaytioFactory app, GraphUser[] users, string schema)
    {
        _app = app;
        (Owner, Admins, Edits, Views, MemberOfAdminsGroup, MemberOfViewsGroup, MemberOfOtherGroup, Unrelated, Keeper, Bystander) =
            (users[0], users[1], users[2], users[3], users[4], users[5], users[6], users[7], users[8], users[9]);
        Schema = schema;
    }

    public GraphUser Owner { get; }

    public GraphUser Admins { get; }

    public GraphUser Edits { get; }

    public GraphUser Views { get; }

    public GraphUser MemberOfAdminsGroup { get; }

    public GraphUser MemberOfViewsGroup { get; }

    public GraphUser MemberOfOtherGroup { get; }

    public GraphUser Unrelated { get; }

    /// <summary>Owns the three role groups (and belongs to them); never a caller.</summary>
    public GraphUser Keeper { get; }

    /// <summary>The user operations grant to, transfer to and add; never a caller.</summary>
    public GraphUser Bystander { get; }

    public string Schema { get; }

    public Guid AdminsGroup { get; private set; }

    public Guid ViewsGroup { get; private set; }

    public Guid OtherGroup { get; private set; }

    public static async Task<MatrixCast> CreateAsync(RaytioFactory app)
    {
        var users = new GraphUser[10];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = await GraphUser.CreateAsync(app);
        }
        var cast = new MatrixCast(app, users, await app.NewSchemaAsync(users[0].Bearer, "matrix"));
        cast.AdminsGroup = await cast.KeptGroupAsync("holds ADMINS", cast.MemberOfAdminsGroup);
        cast.ViewsGroup = await cast.KeptGroupAsync("holds VIEWS", cast.MemberOfViewsGroup);
        cast.OtherGroup = await cast.KeptGroupAsync("holds nothing", cast.MemberOfOtherGroup);
        return cast;
    }

    public GraphUser? Caller(ObjectRole role) => role switch
    {
        ObjectRole.Owner => Owner,
        ObjectRole.Admins => Admins,
        ObjectRole.Edits => Edits,
        ObjectRole.Views => Views,
        ObjectRole.MemberOfAdminsGroup => MemberOfAdminsGroup,
        ObjectRole.MemberOfViewsGroup => MemberOfViewsGroup,
        ObjectRole.MemberOfOtherGroup => MemberOfOtherGroup,
        ObjectRole.Unrelated => Unrelated,
        _ => null,
    };

    public GraphUser? Caller(GroupRole role) => role switch
    {
        GroupRole.Owner => Owner,
        GroupRole.Admins => Admins,
        GroupRole.Member => Edits,
        GroupRole.Stranger => Unrelated,
        _ => null,
    };

    /// <summary>The subject of a check: made now when the operation changes it, else made once and reused.</summary>
    public async Task<Subject> SubjectAsync(MatrixOperation operation, bool isPublic)
    {
        if (operation.ChangesState)
        {
            return await MakeAsync(operation.Setup, isPublic);
        }
        if (!_shared.TryGetValue((operation.Setup, isPublic), out var subject))
        {
            subject = await MakeAsync(operation.Setup, isPublic);
            _shared[(operation.Setup, isPublic)] = subject;
        }
        return subject;
    }

    private async Task<Subject> MakeAsync(Setup setup, bool isPublic)
    {
        switch (setup)
        {
            case Setup.None:
                return new Subject(Guid.Empty);
            case Setup.Object:
                return new Subject(await SharedObjectAsync(isPublic));
            case Setup.UnownedObject:
                var unowned = await SharedObjectAsync(isPublic);
                await (await _app.GiveUpOwnershipAsync(Owner.Bearer, unowned)).AssertSucceededAsync("fixture: the owner gives the object up");
                return new Subject(unowned);
            case Setup.ObjectPair:
                return new Subject(await SharedObjectAsync(isPublic), await SharedObjectAsync(isPublic));
            case Setup.RelatedPair:
                var pair = new Subject(await SharedObjectAsync(isPublic), await SharedObjectAsync(isPublic));
                await (await _app.RelateAsync(Owner.Bearer, pair.Target, pair.Other, RelationshipType)).AssertSucceededAsync("fixture: the owner relates the pair");
                return pair;
            case Setup.HiddenRelatedToObject:
                var shown = await SharedObjectAsync(isPublic);
                var hidden = await _app.CreatedObjectAsync(Bystander.Bearer, Schema, """{"note":"hidden"}""");
                await _app.GrantedAsync(Owner.Bearer, shown, GraphApi.User(Bystander.Id), "ADMINS");
                await (await _app.RelateAsync(Bystander.Bearer, hidden, shown, RelationshipType)).AssertSucceededAsync("fixture: the stranger relates their object");
                return new Subject(hidden, shown);
            case Setup.Grant:
                var granted = await SharedObjectAsync(isPublic);
                return new Subject(await _app.GrantedAsync(Owner.Bearer, granted, GraphApi.User(Bystander.Id), "EDITS"), granted);
            case Setup.Group:
                var (group, nodeId) = await _app.CreatedGroupAsync(Owner.Bearer, "under test");
                await (await _app.AddMemberAsync(Owner.Bearer, group, Edits.Id)).AssertSucceededAsync("fixture: the owner adds the member");
                await (await _app.AddMemberAsync(Owner.Bearer, group, Bystander.Id)).AssertSucceededAsync("fixture: the owner adds the bystander");
                // No operation grants ADMINS on a group; docs/GRAPH.md gives its holders the group's administration.
                await _app.RelationshipAsync(await _app.UserNodeAsync(Admins), nodeId, RelationshipTypes.Admins);
                return new Subject(group, Bystander.Id);
            case Setup.PublicGroup:
                return MatrixOperation.PublicGroupSubject;
            default:
                throw new ArgumentOutOfRangeException(nameof(setup), setup, null);
        }
    }

    /// <summary>An object of the owner's, with a document, shared with each role (and with PUBLIC when asked).</summary>
    private async Task<Guid> SharedObjectAsync(bool isPublic)
    {
        var nId = await _app.CreatedObjectAsync(Owner.Bearer, Schema, """{"note":"original"}""", documentText: "matrix document");
        await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.User(Admins.Id), "ADMINS");
        await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.User(Edits.Id), "EDITS");
        await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.User(Views.Id), "VIEWS");
        await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.Group(AdminsGroup), "ADMINS");
        await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.Group(ViewsGroup), "VIEWS");
        if (isPublic)
        {
            await _app.GrantedAsync(Owner.Bearer, nId, GraphApi.Group(PublicGroup.Key), "VIEWS");
        }
        return nId;
    }

    private async Task<Guid> KeptGroupAsync(string name, GraphUser member)
    {
        var (group, _) = await _app.CreatedGroupAsync(Keeper.Bearer, name);
        await (await _app.AddMemberAsync(Keeper.Bearer, group, member.Id)).AssertSucceededAsync($"cast: {name} gets its member");
        return group;
    }
}
