using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Sharing;

/// <summary>Share (`POST /share/v1/access_applications/{a_id}/instances`): the instance, its snapshot, keys, history, and every refusal.</summary>
public sealed class ShareTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_share_answers_the_instance_and_stores_snapshot_keys_relationships_history_and_audit()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var schema = await app.NewSchemaAsync(person);
        var a = await app.CreatedObjectAsync(person, schema, """{"name": "Ada", "age": 36}""", """["Person"]""");
        var b = await app.CreatedObjectAsync(person, schema, """{"name": "Address"}""");
        await (await app.PostJsonAsync("/db/v1/relationships", new { from = a.NId(), to = b.NId(), type = "LIVES_AT" }, person.Bearer)).AssertOkAsync();

        var instance = await (await app.ShareAsync(person, application, new
        {
            profile_objects = new[] { a.NId(), b.NId() },
            keys = new[] { new { n_id = a.NId(), field_name = "name", public_key_n_id = application.PublicKeyId, encrypted_key = "AAECAwQ" } },
            reference = "abc123",
        })).AssertOkAsync();

        Assert.Equal(application.Id.ToString(), instance.GetProperty("a_id").GetString());
        Assert.Equal("DL Check", instance.GetProperty("aa_name").GetString());
        Assert.Equal("Submitted", instance.GetProperty("_state").GetString());
        Assert.Equal("abc123", instance.GetProperty("reference").GetString());
        Assert.Matches("^[0-9]{6}$", instance.GetProperty("confirmation_code").GetString());
        var start = DateTime.Parse(instance.GetProperty("start_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTime.Parse(instance.GetProperty("end_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(365, Math.Round((end - start).TotalDays));
        var id = Guid.Parse(instance.IId());
        var (objects, keys, relationships, history) = await app.WithDbAsync(async db => (
            await db.ShareInstanceObjects.Where(o => o.InstanceId == id).ToListAsync(),
            await db.ShareInstanceKeys.Where(k => k.InstanceId == id).ToListAsync(),
            await db.ShareInstanceRelationships.Where(r => r.InstanceId == id).ToListAsync(),
            await db.ShareInstanceHistory.Where(e => e.InstanceId == id).ToListAsync()));
        Assert.Equal(2, objects.Count);
        Assert.Contains("Person", objects.Single(o => o.ObjectId == Guid.Parse(a.NId())).LabelsJson);
        Assert.Equal("name", Assert.Single(keys).FieldName);
        var relationship = Assert.Single(relationships);
        Assert.Equal(("LIVES_AT", Guid.Parse(a.NId()), Guid.Parse(b.NId())), (relationship.Type, relationship.StartObjectId, relationship.EndObjectId));
        Assert.Equal(InstanceHistory.Shared, Assert.Single(history).Kind);
        Assert.Contains(await app.AuditEventsAsync(id), e => e.EventType == AuditEventTypes.ShareCreate && e.UserId == person.Id);
    }

    [Fact]
    public async Task The_first_state_is_the_applications_first_and_an_end_date_may_be_given()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app), transitions: """[{"state": "Received", "next_states": {"state": "Done"}}]""");
        var schema = await app.NewSchemaAsync(person);
        var thing = await app.CreatedObjectAsync(person, schema, """{"name": "Ada"}""");
        var endDate = app.Time.GetUtcNow().UtcDateTime.AddDays(30).ToString("O");
        var instance = await (await app.ShareAsync(person, application, new { profile_objects = new[] { thing.NId() }, end_date = endDate })).AssertOkAsync();
        Assert.Equal("Received", instance.GetProperty("_state").GetString());
        Assert.StartsWith(endDate[..19], instance.GetProperty("end_date").GetString());
    }

    [Fact]
    public async Task Bad_bodies_are_400_naming_the_field()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var other = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var schema = await app.NewSchemaAsync(person);
        var thing = (await app.CreatedObjectAsync(person, schema, """{"name": "Ada"}""")).NId();
        var now = app.Time.GetUtcNow().UtcDateTime;
        object Key(object nId, string field, object publicKey, string wrapped = "AAECAwQ") => new { n_id = nId, field_name = field, public_key_n_id = publicKey, encrypted_key = wrapped };

        var cases = new (object Body, string Field)[]
        {
            (new { }, "profile_objects"),
            (new { profile_objects = Array.Empty<string>() }, "profile_objects"),
            (new { profile_objects = new[] { "nope" } }, "profile_objects[0]"),
            (new { profile_objects = new[] { thing, thing } }, "profile_objects[1]"),
            (new { profile_objects = new[] { thing }, keys = "x" }, "keys"),
            (new { profile_objects = new[] { thing }, keys = new[] { Key(Guid.NewGuid(), "name", application.PublicKeyId) } }, "keys[0].n_id"),
            (new { profile_objects = new[] { thing }, keys = new[] { Key(thing, "missing", application.PublicKeyId) } }, "keys[0].field_name"),
            (new { profile_objects = new[] { thing }, keys = new[] { Key(thing, "name", other.PublicKeyId) } }, "keys[0].public_key_n_id"),
            (new { profile_objects = new[] { thing }, keys = new[] { Key(thing, "name", application.PublicKeyId, "not base64!") } }, "keys[0].encrypted_key"),
            (new { profile_objects = new[] { thing }, keys = new[] { Key(thing, "name", application.PublicKeyId), Key(thing, "name", application.PublicKeyId) } }, "keys[1]"),
            (new { profile_objects = new[] { thing }, end_date = now.AddDays(-1).ToString("O") }, "end_date"),
            (new { profile_objects = new[] { thing }, end_date = now.AddYears(11).ToString("O") }, "end_date"),
            (new { profile_objects = new[] { thing }, end_date = "soon" }, "end_date"),
            (new { profile_objects = new[] { thing }, reference = new string('r', 201) }, "reference"),
            (new { profile_objects = new[] { thing }, short_code = "NOSUCHCODE" }, "short_code"),
        };
        foreach (var (body, field) in cases)
        {
            var error = await (await app.ShareAsync(person, application, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), $"{JsonSerializer.Serialize(body)} should name {field}: {error}");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ShareInstances.CountAsync(i => i.SharedBy == person.Id)));
    }

    [Fact]
    public async Task Objects_the_caller_cannot_see_are_404_and_ones_they_only_edit_are_403()
    {
        var person = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var schema = await app.NewSchemaAsync(person);
        var thing = await app.CreatedObjectAsync(person, schema, """{"name": "Ada"}""");
        await (await app.ShareAsync(stranger, application, new { profile_objects = new[] { thing.NId() } })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await app.GrantAsync(stranger, thing.NodeId(), "EDITS");
        await (await app.ShareAsync(stranger, application, new { profile_objects = new[] { thing.NId() } })).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await app.GrantAsync(stranger, thing.NodeId(), "ADMINS");
        await (await app.ShareAsync(stranger, application, new { profile_objects = new[] { thing.NId() } })).AssertOkAsync();
    }

    [Fact]
    public async Task Unknown_and_deleted_applications_are_404_and_anonymous_callers_401()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var schema = await app.NewSchemaAsync(person);
        var body = new { profile_objects = new[] { (await app.CreatedObjectAsync(person, schema, """{"name": "Ada"}""")).NId() } };
        await (await app.ShareAsync(null, application, body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.ShareAsync(person, application with { Id = Guid.NewGuid() }, body)).AssertErrorAsync(HttpStatusCode.NotFound, "access_application_not_found");
        await (await app.PostJsonAsync("/share/v1/access_applications/nope/instances", body, person.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await app.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTime.UtcNow)));
        await (await app.ShareAsync(person, application, body)).AssertErrorAsync(HttpStatusCode.NotFound, "access_application_not_found");
    }

    [Fact]
    public async Task A_short_code_completes_the_matching_application_request()
    {
        var org = await app.CreateOrgAsync();
        var person = await GraphUser.CreateAsync(app);
        var request = await app.CreateRequestAsync(org);
        var application = await app.SeedApplicationAsync(org.Admin, org.Id);
        var schema = await app.NewSchemaAsync(person);
        var thing = await app.CreatedObjectAsync(person, schema, """{"name": "Ada"}""");
        await (await app.ShareAsync(person, application, new { profile_objects = new[] { thing.NId() }, short_code = request.ShortCode() })).AssertOkAsync();
        var state = await app.WithDbAsync(db => db.ApplicationRequests.Where(r => r.ShortCode == request.ShortCode()).Select(r => r.State).SingleAsync());
        Assert.Equal(ApplicationRequestStates.Complete, state);
    }
}
