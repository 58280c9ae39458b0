using System.Text;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.ProfileObjects;
using Raytio.Server.Tests.Sharing;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of share, withdraw, 67, 68, 73, 74 and 83-85 for <see cref="DeclaredStatusTests"/>.</summary>
internal static class SharingStatusDrives
{
    public static async Task DriveSharingAsync(this RaytioFactory app, string tooLarge)
    {
        var person = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (nId, instance) = await app.ShareNewThingAsync(person, application);
        var iId = instance.IId();
        var unknown = Guid.NewGuid();

        // share
        await app.ShareAsync(person, application, new { profile_objects = new[] { nId } });
        await app.ShareAsync(person, application, new { });
        await app.ShareAsync(null, application, new { profile_objects = new[] { nId } });
        await app.ShareAsync(stranger, application, new { profile_objects = new[] { nId } });
        var node = (await (await app.GetAsync($"/db/v1/profile_objects/{nId}", person.Bearer)).AssertOkAsync()).NodeId();
        await app.GrantAsync(stranger, node, "VIEWS");
        await app.ShareAsync(stranger, application, new { profile_objects = new[] { nId } });
        await app.SendJsonTextAsync(HttpMethod.Post, application.InstancesPath, tooLarge, person.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, application.InstancesPath.Replace("/v1/", "/v2/"), "{}", person.Bearer);
        await app.SendAsync(HttpMethod.Post, application.InstancesPath, new StringContent("<a/>", Encoding.UTF8, "application/xml"), person.Bearer);

        // the person's reads and 74
        await app.GetAsync("/share/v1/instances", person.Bearer);
        await app.GetAsync("/share/v1/instances?limit=0", person.Bearer);
        await app.GetAsync("/share/v1/instances");
        await app.GetAsync("/share/v2/instances", person.Bearer);
        await app.GetAsync($"/share/v1/instances/{iId}", person.Bearer);
        await app.GetAsync("/share/v1/instances/nope", person.Bearer);
        await app.GetAsync($"/share/v1/instances/{iId}");
        await app.GetAsync($"/share/v1/instances/{iId}", stranger.Bearer);
        var applications = $"/share/v1/profile_objects/{nId}/access_applications";
        await app.GetAsync(applications, person.Bearer);
        await app.GetAsync("/share/v1/profile_objects/nope/access_applications", person.Bearer);
        await app.GetAsync(applications);
        await app.GetAsync(applications, stranger.Bearer);
        await app.GetAsync($"/share/v1/profile_objects/{unknown}/access_applications", person.Bearer);

        // recipients
        var owner = application.Owner.Bearer;
        await app.GetAsync(application.InstancesPath, owner);
        await app.GetAsync(application.InstancesPath + "?limit=x", owner);
        await app.GetAsync(application.InstancesPath);
        await app.GetAsync(application.InstancesPath, stranger.Bearer);
        var one = $"/share/v1/org/instances/{iId}";
        await app.GetAsync(one, owner);
        await app.GetAsync("/share/v1/org/instances/nope", owner);
        await app.GetAsync(one);
        await app.GetAsync(one, person.Bearer);
        var content = $"{one}/profile_objects/{nId}/content";
        await app.GetAsync(content, owner);
        await app.GetAsync($"{one}/profile_objects/nope/content", owner);
        await app.GetAsync(content);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"_state": "Nowhere"}""", owner);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"_state": "Processing"}""");
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"_state": "Processing"}""", person.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, tooLarge, owner);
        await app.SendAsync(HttpMethod.Patch, one, new StringContent("<a/>", Encoding.UTF8, "application/xml"), owner);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"_state": "Processing"}""", owner);

        var schema = await app.NewSchemaAsync(person);
        var document = await (await app.CreateObjectsAsync(person.Bearer,
            $$$"""{"schema":"{{{schema}}}","properties":{"name":"doc"},"document":{"content":"AQID","type":"image/png"}}""")).AssertOkAsync();
        var withDocument = await (await app.ShareAsync(person, application, new { profile_objects = new[] { document.NId() } })).AssertOkAsync();
        await app.GetAsync($"/share/v1/org/instances/{withDocument.IId()}/profile_objects/{document.NId()}/content", owner);

        // withdraw
        var withdraw = $"/share/v1/instances/{iId}";
        await app.SendAsync(HttpMethod.Delete, withdraw, null, null);
        await app.SendAsync(HttpMethod.Delete, withdraw, null, stranger.Bearer);
        await app.SendAsync(HttpMethod.Delete, "/share/v1/instances/nope", null, person.Bearer);
        await app.SendAsync(HttpMethod.Delete, withdraw, null, person.Bearer);
        await app.SendAsync(HttpMethod.Delete, withdraw, null, person.Bearer);
    }
}
