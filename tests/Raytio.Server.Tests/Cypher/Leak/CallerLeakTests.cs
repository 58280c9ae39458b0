using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.Permissions;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// Leak tests by caller (docs/CYPHER.md, "Leak suite"): anonymous callers, a signed-in caller
/// with nothing, group members, members of organisations, and a caller whose grant is revoked.
/// </summary>
public sealed class CallerLeakTests(LeakSceneFactory app) : IClassFixture<LeakSceneFactory>
{
    [Theory]
    [InlineData("MATCH (n:LABEL) RETURN n.name AS name", """[["c"]]""")]
    [InlineData("MATCH (n:LABEL) OPTIONAL MATCH (n)-[r]-(m) RETURN n.name AS n, type(r) AS r, m.name AS m", """[["c", null, null]]""")]
    [InlineData("MATCH (n:LABEL)-[:NEAR|LINKS*1..3]-(m) RETURN count(*) AS c", """[[0]]""")]
    [InlineData("MATCH (n) WHERE n.u_id IS NOT NULL OR n.g_id IS NOT NULL RETURN count(*) AS c", """[[0]]""")]
    [InlineData("MATCH (n) WHERE n.secret = $secret OR id(n) = $hidden OR n.name = 'a' RETURN count(*) AS c", """[[0]]""")]
    [InlineData("MATCH (n:LABEL) RETURN n.name AS name UNION MATCH (n:LABEL)<-[]-(m) RETURN m.name AS name", """[["c"]]""")]
    [InlineData("MATCH (n:LABEL) WITH collect(n.name) AS names MATCH (m:LABEL) RETURN names, count(m) AS c", """[[["c"], 1]]""")]
    public async Task Anonymous_callers_see_what_PUBLIC_may_view_and_nothing_else(string query, string rows)
    {
        await app.AssertRowsAsync(await app.SceneAsync(), null, query, rows);
    }

    [Fact]
    public async Task A_signed_in_caller_with_nothing_sees_PUBLICs_objects_and_their_own_user_node()
    {
        var scene = await app.SceneAsync();
        var nobody = await GraphUser.CreateAsync(app);
        await app.UserNodeAsync(nobody);

        await app.AssertRowsAsync(scene, nobody, "MATCH (n:LABEL) RETURN n.name AS name", """[["c"]]""");
        await app.AssertRowsAsync(scene, nobody, "MATCH (n) WHERE n.u_id IS NOT NULL OR n.g_id IS NOT NULL RETURN n.u_id AS u, n.g_id AS g", $$"""[["{{nobody.Id}}", null]]""");
        await app.AssertRowsAsync(scene, nobody, "MATCH (me)-[r]-(x) WHERE me.u_id IS NOT NULL RETURN count(r) AS c", """[[0]]""");
    }

    [Fact]
    public async Task A_group_member_sees_the_group_and_their_own_membership_not_the_other_members()
    {
        var scene = await app.SceneAsync();
        const string members = "MATCH (u)-[:BELONGS_TO]->(g) RETURN u.u_id AS u, g.name AS g";

        await app.AssertRowsAsync(scene, scene.Bob, members, $$"""[["{{scene.Bob.Id}}", "seeded"]]""");
        await app.AssertRowsAsync(scene, scene.Dave, members, $$"""[["{{scene.Dave.Id}}", "seeded"]]""");
        await app.AssertRowsAsync(scene, scene.Alice, members, "[]");
        // The group's grant on c is visible to its members (both ends are), never to others.
        const string grants = "MATCH (g)-[r]->(n:LABEL) WHERE g.g_id IS NOT NULL RETURN type(r) AS t, n.name AS n";
        await app.AssertRowsAsync(scene, scene.Dave, grants, """[["EDITS", "c"]]""");
        await app.AssertRowsAsync(scene, scene.Alice, grants, "[]");
    }

    [Fact]
    public async Task An_object_granted_to_an_organisation_is_seen_by_its_members_and_not_by_another_organisations()
    {
        var scene = await app.SceneAsync();
        var (first, second) = (await app.CreateOrgAsync("First Org"), await app.CreateOrgAsync("Second Org"));
        var (member, outsider) = (await app.NewMemberAsync(first), await app.NewMemberAsync(second));
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        var shared = await app.OwnedObjectAsync(owner, """{"name":"shared"}""", label);
        await app.OwnedObjectAsync(owner, """{"name":"kept"}""", label);
        await app.GrantedAsync(owner.Bearer, shared.Key, first.Id, "VIEWS", cascade: false, toGroup: true);
        var query = $"MATCH (n:{label}) OPTIONAL MATCH (g:Organization)-[r]->(n) RETURN n.name AS name, g.g_id AS org, type(r) AS t";

        var seen = $$"""[["shared", "{{first.Id}}", "VIEWS"]]""";
        await app.AssertRowsAsync(scene, member, query, seen);
        await app.AssertRowsAsync(scene, first.Admin, query, seen);
        await app.AssertRowsAsync(scene, outsider, query, "[]");
        await app.AssertRowsAsync(scene, second.Admin, query, "[]");
        await app.AssertRowsAsync(scene, owner, query, """[["shared", null, null], ["kept", null, null]]""");
        // Each member sees their own organisation's group, and no other member of it.
        const string organisations = "MATCH (u)-[:BELONGS_TO]->(g:Organization) RETURN g.g_id AS org, g.name AS name, count(u) AS members";
        await app.AssertRowsAsync(scene, member, organisations, $$"""[["{{first.Id}}", "First Org", 1]]""");
        await app.AssertRowsAsync(scene, outsider, organisations, $$"""[["{{second.Id}}", "Second Org", 1]]""");
    }

    [Fact]
    public async Task A_revoked_grant_and_what_its_cascade_granted_are_no_longer_visible()
    {
        var scene = await app.SceneAsync();
        var (owner, viewer) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var label = QueryClient.FreshLabel();
        var parent = await app.OwnedObjectAsync(owner, """{"name":"parent"}""", label);
        var child = await app.OwnedObjectAsync(owner, """{"name":"child"}""", label);
        await app.RelationshipAsync(parent.Id, child.Id, "HAS_PART");
        var grant = await app.GrantedAsync(owner.Bearer, parent.Key, viewer.Id, "VIEWS");
        var query = $"MATCH (n:{label}) OPTIONAL MATCH (n)-[r]->(m:{label}) RETURN n.name AS n, type(r) AS r, m.name AS m";
        await app.AssertRowsAsync(scene, viewer, query, """[["parent", "HAS_PART", "child"], ["child", null, null]]""");

        await (await app.RevokeAsync(owner.Bearer, grant.GrantId())).AssertOkAsync();

        await app.AssertRowsAsync(scene, viewer, query, "[]");
        await app.AssertRowsAsync(scene, viewer, $"MATCH (me)-[r]->(n:{label}) RETURN count(r) AS c", """[[0]]""");
        await app.AssertRowsAsync(scene, owner, $"MATCH (n:{label}) RETURN count(*) AS c", """[[2]]""");
    }
}
