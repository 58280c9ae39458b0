using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Features.SharingActions;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Sharing;

/// <summary>Recipients (73, 83-85): what they see, the time window, withdrawal, the snapshot, and state changes.</summary>
public sealed class RecipientTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static string One(string iId) => $"/share/v1/org/instances/{iId}";

    [Fact]
    public async Task A_recipient_reads_the_snapshot_with_its_keys_and_each_read_is_a_view_in_history_and_audit()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (nId, instance) = await app.ShareNewThingAsync(person, application);

        var read = await (await app.GetAsync(One(instance.IId()), application.Owner.Bearer)).AssertOkAsync();
        var shared = Assert.Single(read.GetProperty("profile_objects").EnumerateArray());
        Assert.Equal(nId, shared.GetProperty("n_id").GetString());
        Assert.Equal("Ada", shared.GetProperty("properties").GetProperty("name").GetString());
        var key = Assert.Single(read.GetProperty("keys").EnumerateArray());
        Assert.Equal((nId, "name", application.PublicKeyId.ToString(), "AAECAwQ"),
            (key.GetProperty("n_id").GetString(), key.GetProperty("field_name").GetString(), key.GetProperty("public_key_n_id").GetString(), key.GetProperty("encrypted_key").GetString()));
        Assert.Equal(["shared", "view"], read.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        var list = await (await app.GetAsync(application.InstancesPath, application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal(instance.IId(), Assert.Single(list.EnumerateArray()).IId());
        var events = await app.AuditEventsAsync(Guid.Parse(instance.IId()));
        Assert.Contains(events, e => e.EventType == AuditEventTypes.ShareView && e.UserId == application.Owner.Id);
    }

    [Fact]
    public async Task Reads_by_one_recipient_within_a_minute_are_one_view_and_content_reads_always_count()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (_, instance) = await app.ShareNewThingAsync(person, application);
        async Task<List<string?>> KindsAfterReadAsync(GraphUser reader) =>
            [.. (await (await app.GetAsync(One(instance.IId()), reader.Bearer)).AssertOkAsync())
                .GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString())];

        Assert.Equal(["shared", "view"], await KindsAfterReadAsync(application.Owner));
        app.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(["shared", "view"], await KindsAfterReadAsync(application.Owner));
        app.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(["shared", "view", "view"], await KindsAfterReadAsync(application.Owner));
        var views = (await app.AuditEventsAsync(Guid.Parse(instance.IId()))).Count(e => e.EventType == AuditEventTypes.ShareView);
        Assert.Equal(2, views);
    }

    [Fact]
    public async Task Later_edits_by_the_person_do_not_change_what_was_shared()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (nId, instance) = await app.ShareNewThingAsync(person, application);
        await (await app.UpdateObjectsAsync(person.Bearer, $$$"""[{"n_id": "{{{nId}}}", "params": {"name": "Grace"}}]""")).AssertOkAsync();

        var read = await (await app.GetAsync(One(instance.IId()), application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal("Ada", read.GetProperty("profile_objects")[0].GetProperty("properties").GetProperty("name").GetString());
        var own = await (await app.GetAsync($"/share/v1/instances/{instance.IId()}", person.Bearer)).AssertOkAsync();
        Assert.Equal("Ada", own.GetProperty("profile_objects")[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.False(own.TryGetProperty("keys", out _));
    }

    [Fact]
    public async Task Withdrawal_and_the_end_date_end_the_recipients_access_with_the_same_404_as_an_unknown_id()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (_, withdrawn) = await app.ShareNewThingAsync(person, application);
        var (_, expiring) = await app.ShareNewThingAsync(person, application);

        var answer = await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{withdrawn.IId()}", null, person.Bearer)).AssertOkAsync();
        Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("withdrawn_date").ValueKind);
        await (await app.GetAsync(One(withdrawn.IId()), application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{withdrawn.IId()}", null, person.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "instance_withdrawn");
        var own = await (await app.GetAsync($"/share/v1/instances/{withdrawn.IId()}", person.Bearer)).AssertOkAsync();
        Assert.Equal("withdrawn", own.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());

        await app.WithDbAsync(db => db.ShareInstances.Where(i => i.Id == Guid.Parse(expiring.IId()))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EndDate, app.Time.GetUtcNow().UtcDateTime.AddSeconds(1))));
        await (await app.GetAsync(One(expiring.IId()), application.Owner.Bearer)).AssertOkAsync();
        app.Time.Advance(TimeSpan.FromSeconds(2));
        await (await app.GetAsync(One(expiring.IId()), application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        var list = await (await app.GetAsync(application.InstancesPath, application.Owner.Bearer)).AssertOkAsync();
        Assert.Empty(list.EnumerateArray());
        await (await app.GetAsync(One(Guid.NewGuid().ToString()), application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
    }

    [Fact]
    public async Task Operation_72_lists_the_open_instances_for_authorised_users_only()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (_, first) = await app.ShareNewThingAsync(person, application);
        var (_, withdrawn) = await app.ShareNewThingAsync(person, application);
        var (_, second) = await app.ShareNewThingAsync(person, application);
        await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/instances/{withdrawn.IId()}", null, person.Bearer)).AssertOkAsync();

        var path = $"/share/v1/access_applications/{application.Id}";
        var whole = await (await app.GetAsync(path, application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal([second.IId(), first.IId()], whole.GetProperty("instances").EnumerateArray().Select(i => i.GetString()));
        var described = await (await app.GetAsync(path, person.Bearer)).AssertOkAsync();
        Assert.False(described.TryGetProperty("instances", out _));
    }

    [Fact]
    public async Task A_deleted_application_hides_its_instances()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (_, instance) = await app.ShareNewThingAsync(person, application);
        await (await app.SendAsync(HttpMethod.Delete, $"/share/v1/access_applications/{application.Id}", null, application.Owner.Bearer)).AssertOkAsync();
        await (await app.GetAsync(One(instance.IId()), application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        await (await app.GetAsync(application.InstancesPath, application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "access_application_not_found");
    }

    [Fact]
    public async Task State_changes_follow_the_transitions_write_history_and_one_action_row_per_destination()
    {
        const string transitions = """
            [{"state": "Submitted", "next_states": {"state": "Rejected", "actions": [
                {"method": "email", "destinations": ["a@example.com", "b@example.com"], "template": "{{i_id}} is {{state}}"},
                {"method": "webhook", "destinations": ["https://hooks.example.com/raytio"]}]}}]
            """;
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app), transitions: transitions);
        var (_, instance) = await app.ShareNewThingAsync(person, application);

        var refused = await (await app.SendJsonTextAsync(HttpMethod.Patch, One(instance.IId()), """{"_state": "Approved"}""", application.Owner.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("'Rejected'", refused.GetProperty("errors").GetProperty("_state")[0].GetString());
        await (await app.SendJsonTextAsync(HttpMethod.Patch, One(instance.IId()), """{"_state": "Rejected", "custom": 5}""", application.Owner.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var moved = await (await app.SendJsonTextAsync(HttpMethod.Patch, One(instance.IId()), """{"_state": "Rejected", "custom": {"message": "fix your name"}}""", application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal("Rejected", moved.GetProperty("instances")[0].GetProperty("_state").GetString());
        var id = Guid.Parse(instance.IId());
        var actions = await app.WithDbAsync(db => db.ShareActions.Where(a => a.InstanceId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["a@example.com", "b@example.com", "https://hooks.example.com/raytio"], actions.Select(a => a.Destination));
        Assert.All(actions, a => Assert.Equal("fix your name", JsonDocument.Parse(a.BodyJson).RootElement.GetProperty("custom").GetProperty("message").GetString()));

        var final = await (await app.SendJsonTextAsync(HttpMethod.Patch, One(instance.IId()), """{"_state": "Submitted"}""", application.Owner.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("final state", final.GetProperty("errors").GetProperty("_state")[0].GetString());
        var own = await (await app.GetAsync($"/share/v1/instances/{instance.IId()}", person.Bearer)).AssertOkAsync();
        var change = own.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "state");
        Assert.Equal(("Submitted", "Rejected"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Shared_content_is_served_from_the_snapshot_and_survives_the_objects_deletion()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var schema = await app.NewSchemaAsync(person);
        var bytes = new byte[] { 1, 2, 3, 4, 5, 250 };
        var document = await (await app.CreateObjectsAsync(person.Bearer,
            $$$"""{"schema":"{{{schema}}}","properties":{"name":"passport"},"document":{"content":"{{{Convert.ToBase64String(bytes)}}}","type":"image/png"}}""")).AssertOkAsync();
        var plain = await app.CreatedObjectAsync(person, schema, """{"name": "plain"}""");
        var instance = await (await app.ShareAsync(person, application, new { profile_objects = new[] { document.NId(), plain.NId() } })).AssertOkAsync();
        await (await app.DeleteObjectAsync(person.Bearer, document.NId())).AssertOkAsync();

        var path = $"{One(instance.IId())}/profile_objects/{document.NId()}/content";
        var content = await (await app.GetAsync(path, application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal(bytes, Convert.FromBase64String(content.GetString()!));
        await (await app.GetAsync($"{One(instance.IId())}/profile_objects/{plain.NId()}/content", application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "content_not_found");
        await (await app.GetAsync($"{One(instance.IId())}/profile_objects/{Guid.NewGuid()}/content", application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(path, person.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
    }

    [Fact]
    public async Task Lists_filter_by_dates_and_state_and_page_newest_first()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await app.ShareNewThingAsync(person, application)).Instance.IId());
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await (await app.SendJsonTextAsync(HttpMethod.Patch, One(ids[0]), """{"_state": "Processing"}""", application.Owner.Bearer)).AssertOkAsync();
        foreach (var path in new[] { application.InstancesPath, "/share/v1/instances" })
        {
            var bearer = path == "/share/v1/instances" ? person.Bearer : application.Owner.Bearer;
            async Task<string[]> List(string query) =>
                [.. (await (await app.GetAsync(path + query, bearer)).AssertOkAsync()).EnumerateArray().Select(i => i.IId())];
            Assert.Equal([ids[2], ids[1], ids[0]], await List(""));
            Assert.Equal([ids[2]], await List("?limit=1"));
            Assert.Equal([ids[1]], await List($"?limit=1&starting_after={ids[2]}"));
            Assert.Equal([ids[0]], await List("?state=Processing"));
            var second = (await (await app.GetAsync($"/share/v1/instances/{ids[1]}", person.Bearer)).AssertOkAsync()).GetProperty("start_date").GetString();
            Assert.Equal([ids[2], ids[1]], await List("?start_date=" + Uri.EscapeDataString($$"""{"date": "{{second}}", "op": "gte"}""")));
            Assert.Equal([ids[0]], await List("?start_date=" + Uri.EscapeDataString($$"""{"date": "{{second}}", "op": "lt"}""")));
            await (await app.GetAsync(path + "?start_date=yesterday", bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync(path + "?start_date=" + Uri.EscapeDataString("""{"date": "2020-01-01", "op": "near"}"""), bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync(path + "?limit=0", bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync(path + $"?starting_after={Guid.NewGuid()}", bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task Operation_74_names_the_applications_an_object_was_shared_with_for_its_administrators_only()
    {
        var person = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (nId, instance) = await app.ShareNewThingAsync(person, application);
        var path = $"/share/v1/profile_objects/{nId}/access_applications";
        var answer = await (await app.GetAsync(path, person.Bearer)).AssertOkAsync();
        var shared = Assert.Single(answer.EnumerateArray());
        Assert.Equal(application.Id.ToString(), shared.GetProperty("a_id").GetString());
        Assert.Equal(instance.IId(), Assert.Single(shared.GetProperty("instances").EnumerateArray()).GetString());
        await (await app.GetAsync(path, viewer.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        var node = await app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == Guid.Parse(nId)).Select(n => n.Id).SingleAsync());
        await app.GrantAsync(viewer, node, "VIEWS");
        await (await app.GetAsync(path, viewer.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.GetAsync(path, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
