using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.GraphAuthorization;

/// <summary>What an operation acts on: an object, a grant, a group, ... (<see cref="MatrixOperation"/> says which).</summary>
public enum Setup
{
    /// <summary>Nothing in particular (creates, listings of one's groups).</summary>
    None,

    /// <summary>Target: the object under test.</summary>
    Object,

    /// <summary>Target: the object under test after its owner gave up ownership.</summary>
    UnownedObject,

    /// <summary>Target: the object under test; Other: a second object shared the same way.</summary>
    ObjectPair,

    /// <summary>As <see cref="ObjectPair"/>, with a relationship from Target to Other.</summary>
    RelatedPair,

    /// <summary>Target: an object only a stranger holds, related to Other, the object under test.</summary>
    HiddenRelatedToObject,

    /// <summary>Target: the p_id of a grant (EDITS to a bystander) on the object under test.</summary>
    Grant,

    /// <summary>Target: the group under test; Other: a bystander who is one of its members.</summary>
    Group,

    /// <summary>Target: the PUBLIC group.</summary>
    PublicGroup,
}

/// <summary>The ids an operation is called with; <see cref="Target"/> is the one a stranger must learn nothing about.</summary>
public sealed record Subject(Guid Target, Guid Other = default);

/// <summary>
/// How to call one operation of the matrix. <paramref name="ChangesState"/>: each check gets a
/// fresh fixture. <paramref name="Listing"/>: the answer is a 200 listing that does or does not
/// show the target.
/// </summary>
internal sealed record MatrixOperation(string Name, Setup Setup, bool ChangesState, bool Listing, Func<RaytioFactory, MatrixCast, Subject, GraphUser?, Task<HttpResponseMessage>> Call)
{
    private static readonly MatrixOperation[] All =
    [
        new("34-create", Setup.None, false, false, (app, cast, _, caller) => app.CreateObjectAsync(caller?.Bearer, cast.Schema, """{"note":"made"}""")),
        new("35-update", Setup.Object, false, false, (app, _, s, caller) => app.UpdateObjectAsync(caller?.Bearer, s.Target, """{"note":"changed"}""")),
        new("36-content", Setup.Object, false, false, (app, _, s, caller) => app.ContentAsync(caller?.Bearer, s.Target)),
        new("37-public-content", Setup.Object, false, false, (app, _, s, caller) => app.PublicContentAsync(caller?.Bearer, s.Target)),
        new("38-read", Setup.Object, false, true, (app, _, s, caller) => app.ReadObjectsAsync(caller?.Bearer, $$"""{"profile_objects":[{"n_id":"{{s.Target}}"}]}""")),
        new("39-list", Setup.Object, false, true, (app, _, s, caller) => app.ListObjectsAsync(caller?.Bearer, $$"""[{"n_id":"{{s.Target}}"}]""")),
        new("40-get", Setup.Object, false, false, (app, _, s, caller) => app.ObjectAsync(caller?.Bearer, s.Target)),
        new("delete", Setup.Object, true, false, (app, _, s, caller) => app.DeleteObjectAsync(caller?.Bearer, s.Target)),
        new("48-grant", Setup.Object, false, false, (app, cast, s, caller) => app.GrantAsync(caller?.Bearer, s.Target, GraphApi.User(cast.Bystander.Id), "VIEWS", cascade: false)),
        new("49-permissions", Setup.Object, false, false, (app, _, s, caller) => app.PermissionsAsync(caller?.Bearer, s.Target)),
        new("50-revoke", Setup.Grant, true, false, (app, _, s, caller) => app.RevokeAsync(caller?.Bearer, s.Target)),
        new("59-take-owned", Setup.Object, false, false, (app, _, s, caller) => app.TakeOwnershipAsync(caller?.Bearer, s.Target)),
        new("59-take-unowned", Setup.UnownedObject, true, false, (app, _, s, caller) => app.TakeOwnershipAsync(caller?.Bearer, s.Target)),
        new("60-transfer", Setup.Object, true, false, (app, cast, s, caller) => app.TransferOwnershipAsync(caller?.Bearer, s.Target, cast.Bystander.Id)),
        new("61-give-up", Setup.Object, true, false, (app, _, s, caller) => app.GiveUpOwnershipAsync(caller?.Bearer, s.Target)),
        new("62-relate", Setup.ObjectPair, true, false, (app, _, s, caller) => app.RelateAsync(caller?.Bearer, s.Target, s.Other, MatrixCast.RelationshipType)),
        new("62-relate-from-hidden", Setup.HiddenRelatedToObject, false, false, (app, _, s, caller) => app.RelateAsync(caller?.Bearer, s.Target, s.Other, "MENTIONS")),
        new("63-unrelate", Setup.RelatedPair, true, false, (app, _, s, caller) => app.UnrelateAsync(caller?.Bearer, s.Target, s.Other, MatrixCast.RelationshipType)),
        new("63-unrelate-from-hidden", Setup.HiddenRelatedToObject, false, false, (app, _, s, caller) => app.UnrelateAsync(caller?.Bearer, s.Target, s.Other, MatrixCast.RelationshipType)),
        new("89-audit", Setup.Object, false, false, (app, _, s, caller) => app.AuditAsync(caller?.Bearer, s.Target)),
        new("51-create-group", Setup.None, false, false, (app, _, _, caller) => app.CreateGroupAsync(caller?.Bearer, "made in the matrix")),
        new("52-list-groups", Setup.Group, false, true, (app, _, _, caller) => app.GroupsAsync(caller?.Bearer)),
        new("53-get-group", Setup.Group, false, false, (app, _, s, caller) => app.GroupAsync(caller?.Bearer, s.Target)),
        new("54-transfer-group", Setup.Group, true, false, (app, _, s, caller) => app.TransferGroupAsync(caller?.Bearer, s.Target, s.Other)),
        new("55-delete-group", Setup.Group, true, false, (app, _, s, caller) => app.DeleteGroupAsync(caller?.Bearer, s.Target)),
        new("56-add-member", Setup.Group, true, false, (app, cast, s, caller) => app.AddMemberAsync(caller?.Bearer, s.Target, cast.Bystander.Id)),
        new("57-remove-member", Setup.Group, true, false, (app, _, s, caller) => app.RemoveMemberAsync(caller?.Bearer, s.Target, s.Other)),
        new("57-leave", Setup.Group, true, false, (app, _, s, caller) => app.RemoveMemberAsync(caller?.Bearer, s.Target, caller?.Id ?? s.Other)),
        new("58-members", Setup.Group, false, false, (app, _, s, caller) => app.MembersAsync(caller?.Bearer, s.Target)),
        new("53-get-public", Setup.PublicGroup, false, false, (app, _, s, caller) => app.GroupAsync(caller?.Bearer, s.Target)),
        new("56-join-public", Setup.PublicGroup, false, false, (app, _, s, caller) => app.AddMemberAsync(caller?.Bearer, s.Target, caller?.Id ?? Guid.NewGuid())),
        new("58-members-public", Setup.PublicGroup, false, false, (app, _, s, caller) => app.MembersAsync(caller?.Bearer, s.Target)),
    ];

    public static MatrixOperation Named(string name) =>
        All.SingleOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"The matrix names an operation '{name}' that MatrixOperation does not define.");

    /// <summary>The subject of the PUBLIC group rows.</summary>
    public static Subject PublicGroupSubject => new(PublicGroup.Key);
}
